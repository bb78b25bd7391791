import { useState } from 'preact/hooks';
import { type Me, hasAnyRole } from '../../lib/me';
import { Register } from './Register';
import { Search } from './Search';

/** Find a patient as you type; the front desk also registers referred patients here. */
export function Patients(props: { me: Me }) {
  // a patient registered here shows in the results above at once
  const [registered, setRegistered] = useState(0);
  return (
    <>
      <Search refresh={registered} />
      {hasAnyRole(props.me, 'front-desk', 'admin') && <Register onRegistered={() => setRegistered((n) => n + 1)} />}
    </>
  );
}
