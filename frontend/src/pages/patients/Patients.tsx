import { type Me, hasAnyRole } from '../../lib/me';
import { Register } from './Register';
import { Search } from './Search';

/** Find a patient as you type; the front desk also registers referred patients here. */
export function Patients(props: { me: Me }) {
  return (
    <>
      <Search />
      {hasAnyRole(props.me, 'front-desk', 'admin') && <Register />}
    </>
  );
}
