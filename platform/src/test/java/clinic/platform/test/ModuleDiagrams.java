package clinic.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;

import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;

/**
 * The module diagram of a service (Spring Modulith's {@link Documenter}: every package under the application's root
 * package a module, arrows for the dependencies between them), kept in {@code docs/modules/} and linked from the
 * README, with an SVG picture of it beside. Each service's {@code ModuleDiagramTest} draws it afresh and fails when
 * the committed copy is out of step; {@code -Dclinic.docs.update=true} writes the fresh one (and its picture) instead.
 */
public final class ModuleDiagrams {

	private ModuleDiagrams() {
	}

	/** The diagram as an SVG picture, laid out by PlantUML's own Java layout (smetana): no Graphviz needed. */
	private static void render(String plantUml, Path picture) throws IOException {
		try (var out = Files.newOutputStream(picture)) {
			new SourceStringReader(plantUml.replace("@startuml", "@startuml\n!pragma layout smetana")).outputImage(out,
					new FileFormatOption(FileFormat.SVG));
		}
	}

	/** Draws the modules of {@code application} and compares them with {@code committed} (a PlantUML file). */
	public static void check(Class<?> application, Path committed) {
		var output = Path.of("target", "spring-modulith-docs");
		new Documenter(ApplicationModules.of(application),
				Documenter.Options.defaults().withOutputFolder(output.toString()))
			.writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(Documenter.DiagramOptions.DiagramStyle.UML));
		try {
			var drawn = Files.readString(output.resolve("components.puml"));
			var picture = committed.resolveSibling(committed.getFileName().toString().replace(".puml", ".svg"));
			if (Boolean.getBoolean("clinic.docs.update") || !Files.exists(committed)) {
				Files.createDirectories(committed.getParent());
				Files.writeString(committed, drawn);
				render(drawn, picture);
			}
			else if (!Files.exists(picture)) {
				render(Files.readString(committed), picture);
			}
			// the Documenter lists modules and arrows in no fixed order: the same lines, in any order, are the same diagram
			assertThat(Files.readString(committed).lines().sorted().toList())
				.as("%s is out of step with the code: run this test with -Dclinic.docs.update=true and commit it",
						committed)
				.isEqualTo(drawn.lines().sorted().toList());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
