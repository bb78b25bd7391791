package clinic.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;

import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;

/**
 * The module diagram of a service (Spring Modulith's {@link Documenter}: every package under the application's root
 * package a module, arrows for the dependencies between them), kept in {@code docs/modules/} as PlantUML with an SVG
 * picture of it beside, linked from the README. Each service's {@code ModuleDiagramTest} draws it afresh and fails
 * when the committed PlantUML is missing or out of step, or the picture was not drawn from it (the picture's first
 * line names the PlantUML's SHA-256); {@code -Dclinic.docs.update=true} writes both afresh instead.
 */
public final class ModuleDiagrams {

	private static final String UPDATE = "run the service's ModuleDiagramTest with -Dclinic.docs.update=true and commit";

	private ModuleDiagrams() {
	}

	/** Draws the modules of {@code application} and compares them with {@code committed} (a PlantUML file). */
	public static void check(Class<?> application, Path committed) {
		var output = Path.of("target", "spring-modulith-docs");
		new Documenter(ApplicationModules.of(application),
				Documenter.Options.defaults().withOutputFolder(output.toString()))
			.writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(Documenter.DiagramOptions.DiagramStyle.UML));
		var picture = committed.resolveSibling(committed.getFileName().toString().replace(".puml", ".svg"));
		try {
			var drawn = Files.readString(output.resolve("components.puml"));
			if (Boolean.getBoolean("clinic.docs.update")) {
				Files.createDirectories(committed.getParent());
				Files.writeString(committed, drawn);
				Files.writeString(picture, picture(drawn));
			}
			assertThat(committed).as("%s is missing: %s", committed.toAbsolutePath(), UPDATE).exists();
			var kept = Files.readString(committed);
			// the Documenter lists modules and arrows in no fixed order: the same lines, in any order, are the same diagram
			assertThat(kept.lines().sorted().toList()).as("%s is out of step with the code: %s", committed, UPDATE)
				.isEqualTo(drawn.lines().sorted().toList());
			assertThat(picture).as("%s is missing: %s", picture, UPDATE).exists();
			assertThat(Files.readString(picture).lines().findFirst().orElse(""))
				.as("%s was not drawn from %s as it is: %s", picture, committed, UPDATE)
				.isEqualTo(stamp(kept));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The diagram as an SVG picture, laid out by PlantUML's own Java layout (smetana: no Graphviz needed), its first
	 * line naming the PlantUML it was drawn from.
	 */
	private static String picture(String plantUml) throws IOException {
		var svg = new ByteArrayOutputStream();
		new SourceStringReader(plantUml.replace("@startuml", "@startuml\n!pragma layout smetana")).outputImage(svg,
				new FileFormatOption(FileFormat.SVG));
		return stamp(plantUml) + "\n" + svg.toString(StandardCharsets.UTF_8);
	}

	private static String stamp(String plantUml) {
		try {
			var digest = MessageDigest.getInstance("SHA-256").digest(plantUml.getBytes(StandardCharsets.UTF_8));
			return "<!-- drawn from the PlantUML beside it, sha-256 " + HexFormat.of().formatHex(digest) + " -->";
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
