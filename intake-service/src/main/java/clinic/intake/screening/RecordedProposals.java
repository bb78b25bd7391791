package clinic.intake.screening;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import clinic.intake.eligibility.Proposal;
import clinic.intake.eligibility.ScreeningProposals;

/** The proposals the screenings kept, for the decisions signed against them. */
@Component
class RecordedProposals implements ScreeningProposals {

	private final Screenings screenings;

	RecordedProposals(Screenings screenings) {
		this.screenings = screenings;
	}

	@Override
	public Optional<Proposal> of(UUID patientId, UUID screeningId) {
		return screenings.find(screeningId).filter(s -> s.patientId().equals(patientId)).map(Screening::proposal);
	}
}
