package clinic.platform.test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The boundary rule every service keeps: no cycle between any two of its packages. Each package under the service's
 * root is a slice of its own (the root, each feature package and each adapter package inside it), so a feature that
 * reaches into another which reaches back fails, and so does a domain type that uses its own adapter. Each service's
 * {@code BoundaryTest} applies it to its own classes; {@code BoundariesTest} shows it failing on a cycle.
 */
public final class Boundaries {

	private Boundaries() {
	}

	/** No package under {@code root} (the root included) depends, through others or directly, on itself. */
	public static ArchRule noPackageCycles(String root) {
		return slices().assignedFrom(everyPackageUnder(root))
			.should()
			.beFreeOfCycles()
			.as("no cycle between the packages of " + root);
	}

	private static SliceAssignment everyPackageUnder(String root) {
		return new SliceAssignment() {

			@Override
			public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
				var pkg = javaClass.getPackageName();
				return pkg.equals(root) || pkg.startsWith(root + ".") ? SliceIdentifier.of(pkg)
						: SliceIdentifier.ignore();
			}

			@Override
			public String getDescription() {
				return "every package under " + root;
			}
		};
	}
}
