package clinic.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;

import clinic.launcher.Part;
import clinic.launcher.Stack;
import clinic.launcher.demo.GatewaySession;
import tools.jackson.databind.json.JsonMapper;

/**
 * The scenarios of issue 14's table, each with its reference measured beside it in the same run, on a suite that
 * holds the chain {@link ClinicChain} made.
 */
final class Scenarios {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Stack stack;

	private final ClinicChain.Staff staff;

	private final ClinicChain chain;

	private final BenchOptions options;

	private final Report report;

	private final Consumer<String> progress;

	Scenarios(Stack stack, ClinicChain.Staff staff, ClinicChain chain, BenchOptions options, Report report,
			Consumer<String> progress) {
		this.stack = stack;
		this.staff = staff;
		this.chain = chain;
		this.options = options;
		this.report = report;
		this.progress = progress;
	}

	void runAll() {
		var tokenCalls = TokenCalls.recording(stack);
		// PostgreSQL's statistics (the session store's writes) settle while the suite is at rest
		settleStatistics();
		footprintAtRest();
		var sessionStore = sessionStoreCounters();
		var staffReads = staffReads();
		// bearer-token calls only: they write no session, and they last long enough for the statistics to settle
		gatewayOverhead();
		sessionStoreWrites(staffReads, sessionStore, sessionStoreCounters());
		patientSearch();
		decisionToCourse();
		slotSearch();
		staffScreens();
		booking();
		tokenCalls(tokenCalls.count(), tokenCalls.tokenLifespanSeconds());
	}

	/**
	 * The gateway's token calls to Keycloak over the whole run, per call the measured phases sent through it (warm-ups
	 * and the booking runs also went through it, uncounted: the share is if anything too high). A sign-in exchanges
	 * its code once per session (the harness signs in a nurse and each booking client), not per call: it is named
	 * apart and not counted as a call per request.
	 */
	private void tokenCalls(Map<String, Long> calls, long lifespanSeconds) {
		long proxied = report.phases()
			.stream()
			.filter(p -> !p.name().contains("direct"))
			.mapToLong(p -> p.ok() + p.failures().values().stream().mapToLong(Long::longValue).sum())
			.sum();
		long signIns = calls.getOrDefault("CODE_TO_TOKEN", 0L);
		long perCall = calls.values().stream().mapToLong(Long::longValue).sum() - signIns;
		report.add(Figure.of("token-calls", "the gateway's calls to Keycloak's token endpoint per call through it ("
				+ perCall + " refreshes or client logins over the " + proxied + " calls of the measured phases, besides "
				+ signIns + " sign-ins; a staff session's token lives " + lifespanSeconds + " s)", "",
				proxied == 0 ? 0 : (double) perCall / proxied, "≈ 0: one refresh per token lifetime"));
	}

	/** The same FHIR read through the gateway and straight to intake, with the same integration token. */
	private void gatewayOverhead() {
		progress.accept("gateway against direct: the same patient read, the same token");
		var token = integrationToken();
		var client = Load.client(null);
		var patients = chain.patients;
		IntFunction<HttpRequest> viaGateway = i -> bearer(stack.gatewayUrl() + "/fhir/Patient/"
				+ patients.get(i % patients.size()).id(), token);
		IntFunction<HttpRequest> direct = i -> bearer(stack.serviceUrl(Part.INTAKE) + "/fhir/Patient/"
				+ patients.get(i % patients.size()).id(), token);
		var gateway = measured("patient read via gateway, " + rate(), client, options.rate(), options.phase(),
				viaGateway);
		var straight = measured("patient read direct to intake, " + rate(), client, options.rate(), options.phase(),
				direct);
		report.latencyChart("Patient read at " + rate() + ": gateway and direct", gateway, straight);
		report.add(Figure.against("read-p99-open", "authenticated patient read through the gateway, p99 at "
				+ rate(), "ms", gateway.millis(99), "direct to intake, same token", straight.millis(99),
				"≤ 1.3× direct"));

		int eight = 8;
		var gateway8 = report.phase(Load.closed("patient read via gateway, 8 clients", client, eight, options.phase(),
				viaGateway));
		var straight8 = report.phase(Load.closed("patient read direct to intake, 8 clients", client, eight,
				options.phase(), direct));
		report.add(Figure.against("read-p99-8-clients", "the same read at 8 concurrent clients, p99", "ms",
				gateway8.millis(99), "direct", straight8.millis(99), "≤ 1.5× direct"));

		double bestGateway = 0;
		double bestDirect = 0;
		for (int clients : options.clientSteps()) {
			var g = report.phase(Load.closed("saturation via gateway, " + clients + " clients", client, clients,
					options.phase(), viaGateway));
			var d = report.phase(Load.closed("saturation direct, " + clients + " clients", client, clients,
					options.phase(), direct));
			report.curve("via gateway", clients, g.throughput());
			report.curve("direct to intake", clients, d.throughput());
			bestGateway = Math.max(bestGateway, g.throughput());
			bestDirect = Math.max(bestDirect, d.throughput());
			footprintUnderLoad();
		}
		report.add(Figure.against("saturation", "saturation throughput through the gateway (best over "
				+ options.clientSteps() + " clients)", "/s", bestGateway, "direct to intake", bestDirect,
				"≥ 0.7× direct"));
	}

	/** A staff member's chart reads through the gateway with the browser's session cookie. */
	private Load.Result staffReads() {
		progress.accept("a staff member's reads through the gateway's session");
		var frontDesk = staff.frontDesk();
		var client = Load.client(frontDesk.cookies());
		var patients = chain.patients;
		return measured("staff patient chart via gateway session, " + rate(), client, options.rate(), options.phase(),
				i -> frontDesk.request("GET", "/api/intake/patients/" + patients.get(i % patients.size()).id(), null)
					.build());
	}

	/**
	 * Rows the gateway wrote to its session store per staff read, from PostgreSQL's statistics (which a backend
	 * passes on at the latest 10 s after going idle): {@code before} taken after a rest, {@code after} once the
	 * bearer-token phases that followed the reads (no session) have given them time to settle.
	 */
	private void sessionStoreWrites(Load.Result reads, long before, long after) {
		double requests = reads.ok() + reads.failed();
		report.add(Figure.of("session-writes", "rows the gateway writes to its session store per read (one staff session, "
				+ options.phase().toSeconds() + " s at " + rate() + ")", "", (after - before) / requests,
				"≤ 1 per session per minute on reads (a bearer token: none)"));
		report.note("Session store during " + reads.name() + ": " + (after - before) + " rows written for "
				+ (long) requests + " reads.");
	}

	/** Patient search with one typo in the family name, against the primary-key read of a chart. */
	private void patientSearch() {
		progress.accept("patient search over " + chain.register + " patients, one typo");
		var frontDesk = staff.frontDesk();
		var client = Load.client(frontDesk.cookies());
		var random = new Random(options.seed());
		var queries = new ArrayList<String>();
		var expected = new ArrayList<String>();
		for (int i = 0; i < 50; i++) {
			var p = chain.patients.get(random.nextInt(chain.patients.size()));
			queries.add(typo(p.familyName(), random) + " " + p.givenName());
			expected.add(p.id());
		}
		int found = 0;
		for (int i = 0; i < queries.size(); i++) {
			var hits = frontDesk.get("/api/intake/patients?q=" + encode(queries.get(i))).required("searching");
			for (var hit : hits) {
				if (hit.get("id").asString().equals(expected.get(i))) {
					found++;
					break;
				}
			}
		}
		var search = measured("patient search with a typo, " + rate(), client, options.rate(), options.phase(),
				i -> frontDesk.request("GET", "/api/intake/patients?q=" + encode(queries.get(i % queries.size())), null)
					.build());
		var chart = measured("patient chart by id, " + rate(), client, options.rate(), options.phase(),
				i -> frontDesk.request("GET", "/api/intake/patients/" + expected.get(i % expected.size()), null).build());
		report.add(Figure.against("search-p99", "patient search over " + chain.register
				+ " patients with one typo, p99 (" + found + " of " + queries.size() + " found the patient)", "ms",
				search.millis(99), "a chart read by id", chart.millis(99), "≤ 15 ms at 1 000 000 patients"));
	}

	/** A letter of the name's inside replaced by its neighbour in the alphabet: the typo a search must forgive. */
	private static String typo(String name, Random random) {
		int at = 1 + random.nextInt(name.length() - 2);
		char c = name.charAt(at);
		char replaced = c == 'z' ? 'y' : (char) (c + 1);
		return name.substring(0, at) + replaced + name.substring(at + 1);
	}

	/**
	 * A clinician's decision until scheduling holds the course it makes (its database polled every 0.2 ms), against
	 * a round trip through the same Kafka broker.
	 */
	private void decisionToCourse() {
		progress.accept("decision to course in scheduling, against Kafka's own round trip");
		var course = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
		try (Connection db = DriverManager.getConnection(stack.jdbcUrl("scheduling"), "postgres", "postgres");
				var exists = db.prepareStatement("SELECT 1 FROM course WHERE patient_id = ?::uuid")) {
			for (var patient : chain.screened) {
				var screening = ClinicChain.latestScreening(staff.clinician(), patient.id());
				ClinicChain.decide(staff.clinician(), patient.id(), screening);
				long decided = System.nanoTime();
				exists.setString(1, patient.id());
				while (true) {
					try (var row = exists.executeQuery()) {
						if (row.next()) {
							break;
						}
					}
					if (System.nanoTime() - decided > TimeUnit.SECONDS.toNanos(30)) {
						throw new IllegalStateException("no course in scheduling 30 s after a decision");
					}
					java.util.concurrent.locks.LockSupport.parkNanos(200_000);
				}
				course.recordValue(Math.max(1, (System.nanoTime() - decided) / 1000));
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("polling scheduling's courses", e);
		}
		var kafka = kafkaRoundTrips(chain.screened.size());
		report.add(Figure.against("decision-course-p50", "decision 201 → course in scheduling, p50 (" + course.getTotalCount()
				+ " decisions)", "ms", course.getValueAtPercentile(50) / 1000.0, "Kafka end-to-end on the same broker",
				kafka.getValueAtPercentile(50) / 1000.0, ""));
		report.add(Figure.against("decision-course-p99", "decision 201 → course in scheduling, p99", "ms",
				course.getValueAtPercentile(99) / 1000.0, "Kafka end-to-end on the same broker",
				kafka.getValueAtPercentile(99) / 1000.0, "≤ 3× Kafka's and ≤ 25 ms"));
	}

	/** One record at a time through a topic of the suite's broker, acknowledged by all, read by a subscriber. */
	private Histogram kafkaRoundTrips(int samples) {
		var latencies = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
		var topic = "bench.round-trip";
		var props = new Properties();
		props.putAll(stack.kafkaAdminProperties());
		try (var admin = Admin.create(props)) {
			admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.ExecutionException e) {
			if (!(e.getCause() instanceof TopicExistsException)) {
				throw new IllegalStateException("creating " + topic, e.getCause());
			}
		}
		catch (Exception e) {
			throw new IllegalStateException("creating " + topic, e);
		}
		var producerProps = new Properties();
		producerProps.putAll(props);
		producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
		producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		var consumerProps = new Properties();
		consumerProps.putAll(props);
		consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (var producer = new KafkaProducer<>(producerProps, new LongSerializer(), new LongSerializer());
				var consumer = new KafkaConsumer<>(consumerProps, new LongDeserializer(), new LongDeserializer())) {
			var partition = new TopicPartition(topic, 0);
			consumer.assign(List.of(partition));
			consumer.seekToEnd(List.of(partition));
			consumer.position(partition);
			for (int i = 0; i < samples + 5; i++) {
				long sent = System.nanoTime();
				producer.send(new ProducerRecord<>(topic, (long) i, sent));
				boolean received = false;
				while (!received) {
					for (var record : consumer.poll(Duration.ofSeconds(5))) {
						if (record.key() == i) {
							received = true;
						}
					}
					if (System.nanoTime() - sent > TimeUnit.SECONDS.toNanos(30)) {
						throw new IllegalStateException("a Kafka record not read back within 30 s");
					}
				}
				if (i >= 5) { // the first five warm the connections
					latencies.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
				}
			}
		}
		return latencies;
	}

	/**
	 * Free slots and a whole-course proposal on the site whose calendar the chain filled through the API, and on the
	 * site whose calendar it loaded to a busy site's size, each against an empty site.
	 */
	private void slotSearch() {
		progress.accept("slot search and course proposal: filled calendars against an empty site");
		var frontDesk = staff.frontDesk();
		var client = Load.client(frontDesk.cookies());
		IntFunction<HttpRequest> slotsEmpty = slots(chain.empty());
		IntFunction<HttpRequest> proposeEmpty = proposal(chain.empty());
		var sl = measured("slots, filled site, " + rate(), client, options.rate(), options.phase(), slots(chain.loaded()));
		var se = measured("slots, empty site, " + rate(), client, options.rate(), options.phase(), slotsEmpty);
		var pl = measured("course proposal, filled site, " + rate(), client, options.rate(), options.phase(),
				proposal(chain.loaded()));
		var pe = measured("course proposal, empty site, " + rate(), client, options.rate(), options.phase(), proposeEmpty);
		report.latencyChart("Slots and course proposal: filled calendar and empty site", sl, se, pl, pe);
		var calendar = options.chairs() + " chairs, " + chain.filledAppointments + " appointments";
		report.add(Figure.against("slots-p99", "free slots at a site of " + calendar + ", p99", "ms", sl.millis(99),
				"the same on an empty site", se.millis(99), "≤ 20 ms, ≤ 1.5× the empty site"));
		report.add(Figure.against("proposal-p99", "whole-course proposal at a site of " + calendar + ", p99", "ms",
				pl.millis(99), "the same on an empty site", pe.millis(99), "≤ 20 ms, ≤ 1.5× the empty site"));
		if (chain.full == null) {
			return;
		}
		var sf = measured("slots, loaded site, " + rate(), client, options.rate(), options.phase(), slots(chain.full));
		var pf = measured("course proposal, loaded site, " + rate(), client, options.rate(), options.phase(),
				proposal(chain.full));
		report.latencyChart("Slots and course proposal: a loaded 90-day calendar and an empty site", sf, se, pf, pe);
		var full = options.chairs() + " chairs × " + CalendarLoader.DAYS + " days, " + chain.fullAppointments
				+ " appointments";
		report.add(Figure.against("slots-full-p99", "free slots at a site of " + full + ", p99", "ms", sf.millis(99),
				"the same on an empty site", se.millis(99), "≤ 20 ms, ≤ 1.5× the empty site"));
		report.add(Figure.against("proposal-full-p99", "whole-course proposal at a site of " + full + ", p99", "ms",
				pf.millis(99), "the same on an empty site", pe.millis(99), "≤ 20 ms, ≤ 1.5× the empty site"));
	}

	/** The first ten free slots for the probe patient at the site. */
	private IntFunction<HttpRequest> slots(ClinicChain.Site site) {
		return i -> staff.frontDesk().request("GET", "/api/scheduling/slots?limit=10&patientId=" + chain.probePatient
				+ "&siteId=" + site.id(), null).build();
	}

	/** A whole course proposed for the probe course at the site. */
	private IntFunction<HttpRequest> proposal(ClinicChain.Site site) {
		return i -> staff.frontDesk().request("POST", "/api/scheduling/courses/" + chain.probeCourse + "/proposal",
				"{\"siteId\":\"" + site.id() + "\"}").build();
	}

	/** How often the Today board refreshes (frontend's REFRESH_MS) and a clinic's opening hours a day, for the projection. */
	private static final int TODAY_REFRESH_SECONDS = 5;

	private static final int OPEN_HOURS = 14;

	/** Nurses watching each site's Today board, and a projected chain of this many sites. */
	private static final int NURSES_PER_SITE = 4;

	private static final int CHAIN_SITES = 50;

	/**
	 * The real day's load: {@value #NURSES_PER_SITE} nurses per site with Today open, each refreshing it every
	 * {@value #TODAY_REFRESH_SECONDS} s (the site's calendar from scheduling and its day's records from session), and
	 * the audit rows that costs, counted in both services' audit logs.
	 */
	private void staffScreens() {
		int users = NURSES_PER_SITE * chain.sites.size();
		progress.accept("staff screens: " + users + " nurses refreshing Today every " + TODAY_REFRESH_SECONDS + " s");
		var nurse = new GatewaySession(stack.gatewayUrl()).signIn("nurse", "demo");
		var client = Load.client(nurse.cookies());
		var days = new ArrayList<String>();
		for (var site : chain.sites) {
			days.add(nurse.get("/api/scheduling/calendar?siteId=" + site.id()).required("reading Today").get("from").asString());
		}
		double perSecond = 2.0 * users / TODAY_REFRESH_SECONDS;
		var length = options.phase().multipliedBy(2);
		IntFunction<HttpRequest> refresh = i -> {
			int site = (i / 2) % chain.sites.size();
			var siteId = chain.sites.get(site).id();
			return nurse.request("GET", i % 2 == 0 ? "/api/scheduling/calendar?siteId=" + siteId
					: "/api/session/appointments?size=200&site=" + siteId + "&date=" + days.get(site), null).build();
		};
		Load.open("warm-up", client, perSecond, warmUp(), refresh);
		long before = auditRows();
		var screens = report.phase(Load.open("Today boards, " + users + " nurses over " + chain.sites.size()
				+ " sites", client, perSecond, length, refresh));
		long rows = auditRows() - before;
		double rowsPerSitePerSecond = rows / screens.seconds() / chain.sites.size();
		report.add(Figure.of("today-p99", "Today board calls, " + NURSES_PER_SITE + " nurses a site refreshing every "
				+ TODAY_REFRESH_SECONDS + " s, p99", "ms", screens.millis(99), "well under the refresh interval"));
		double perSiteDay = rowsPerSitePerSecond * OPEN_HOURS * 3600;
		report.add(Figure.of("audit-rows-site-day", "audit rows a site's Today boards write in a " + OPEN_HOURS
				+ "-hour day (" + NURSES_PER_SITE + " nurses)", "", perSiteDay, "what one site needs"));
		report.note("Staff screens: " + rows + " audit rows in " + String.format(java.util.Locale.ROOT, "%.1f", screens.seconds())
				+ " s over " + chain.sites.size() + " sites. A chain of " + CHAIN_SITES + " sites with " + NURSES_PER_SITE
				+ " nurses each sends " + Figure.format(2.0 * NURSES_PER_SITE * CHAIN_SITES / TODAY_REFRESH_SECONDS, "/s")
				+ " Today calls through its gateways and writes " + Figure.format(perSiteDay * CHAIN_SITES, "")
				+ " audit rows a day.");
	}

	/** Rows in the audit logs of scheduling and session, the services the Today board reads. */
	private long auditRows() {
		long rows = 0;
		for (var database : List.of("scheduling", "session")) {
			try (Connection db = DriverManager.getConnection(stack.jdbcUrl(database), "postgres", "postgres");
					var count = db.createStatement().executeQuery("SELECT count(*) FROM audit_log")) {
				count.next();
				rows += count.getLong(1);
			}
			catch (SQLException e) {
				throw new IllegalStateException("counting " + database + "'s audit rows", e);
			}
		}
		return rows;
	}

	/**
	 * Whole courses booked by front-desk clients at once, each proposing the earliest course and booking it, proposing
	 * again when another client took a slot first: on one site, then spread over every site.
	 */
	private void booking() {
		var courses = chain.bookingCourses;
		int third = courses.size() / 3;
		var page = bookingRun("one site, proposed then booked", courses.subList(0, third), List.of(chain.loaded()),
				ClinicChain::bookEarliest);
		var one = bookingRun("one site, booked at once", courses.subList(third, 2 * third), List.of(chain.loaded()),
				ClinicChain::bookAtOnce);
		var all = bookingRun(chain.sites.size() + " sites, booked at once", courses.subList(2 * third, courses.size()),
				chain.sites, ClinicChain::bookAtOnce);
		report.add(Figure.against("booking-rate-one-site", "whole courses booked a second, " + options.bookingClients()
				+ " clients, one site, each the earliest course in one call (" + one.refusedPerCourse()
				+ " refused per course)", "/s", one.rate(), "proposed, then booked, as the calendar page does ("
						+ page.refusedPerCourse() + " refused per course)", page.rate(),
				"≥ 100/s, ≤ 1 retry per course"));
		report.add(Figure.of("booking-rate-all-sites", "the same spread over " + chain.sites.size() + " sites ("
				+ all.refusedPerCourse() + " refused per course)", "/s", all.rate(), "no less than one site"));
		double cpu = one.cpu().values().stream().mapToDouble(Double::doubleValue).sum();
		report.add(Figure.of("booking-cpu-per-course", "CPU per whole course booked at once at one site, every part and "
				+ "the harness's clients (" + CpuTime.describe(one.cpu(), one.booked()) + ")", "ms",
				one.booked() == 0 ? 0 : cpu * 1000 / one.booked(), "≤ 20 ms: 100 courses a second on 2 cores"));
		report.add(Figure.of("overlaps", "overlapping appointments of a chair or a patient after the runs", "",
				overlaps(), "0"));
	}

	/** How a client books a course: the session, the course, the site. */
	interface Booker {

		ClinicChain.Booked book(GatewaySession session, String course, String site);
	}

	/** A run's courses booked a second, refusals per course, courses booked and the CPU seconds each part used. */
	record BookingRun(double rate, String refusedPerCourse, int booked, Map<String, Double> cpu) {
	}

	private BookingRun bookingRun(String name, List<String> courses, List<ClinicChain.Site> sites, Booker booker) {
		progress.accept("booking " + courses.size() + " courses with " + options.bookingClients() + " clients, " + name);
		var queue = new ConcurrentLinkedQueue<>(courses);
		var booked = new AtomicInteger();
		var refused = new AtomicLong();
		var unplaced = new AtomicInteger();
		var gaveUp = new AtomicInteger();
		var sessions = new ArrayList<GatewaySession>();
		for (int c = 0; c < options.bookingClients(); c++) {
			sessions.add(new GatewaySession(stack.gatewayUrl()).signIn("frontdesk", "demo"));
		}
		var threads = new ArrayList<Thread>();
		var failure = new java.util.concurrent.atomic.AtomicReference<RuntimeException>();
		StatementTime.reset(stack);
		var cpuBefore = CpuTime.sample(stack);
		long start = System.nanoTime();
		for (int c = 0; c < sessions.size(); c++) {
			var session = sessions.get(c);
			var site = sites.get(c % sites.size()).id();
			var thread = new Thread(() -> {
				String course;
				while ((course = queue.poll()) != null && failure.get() == null) {
					try {
						var result = booker.book(session, course, site);
						refused.addAndGet(result.refused());
						(result.appointments() > 0 ? booked : result.gaveUp() ? gaveUp : unplaced).incrementAndGet();
					}
					catch (RuntimeException e) {
						failure.compareAndSet(null, e);
					}
				}
			}, "bench-booking-" + c);
			thread.start();
			threads.add(thread);
		}
		for (var thread : threads) {
			try {
				thread.join();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		if (failure.get() != null) {
			throw failure.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		var cpu = CpuTime.between(cpuBefore, CpuTime.sample(stack));
		double cores = cpu.values().stream().mapToDouble(Double::doubleValue).sum() / seconds;
		report.note("Booking run, " + name + ": " + booked.get() + " courses booked in "
				+ String.format(java.util.Locale.ROOT, "%.1f", seconds) + " s, " + refused.get()
				+ " bookings refused (409) and proposed again, " + unplaced.get() + " with no course that fits"
				+ (gaveUp.get() == 0 ? "" : ", " + gaveUp.get() + " left unbooked after " + ClinicChain.GIVE_UP_AFTER
						+ " refusals in a row")
				+ "; " + String.format(java.util.Locale.ROOT, "%.2f", cores) + " cores busy on average, per course "
				+ CpuTime.describe(cpu, Math.max(1, booked.get())) + " of CPU.");
		if (booked.get() > 0) {
			report.note("The database in that run (" + name + "), the statements that took longest: "
					+ String.join("; ", StatementTime.top(stack, 8, booked.get())) + ".");
		}
		return new BookingRun(booked.get() / seconds,
				booked.get() == 0 ? "–" : String.format(java.util.Locale.ROOT, "%.1f", refused.get() / (double) booked.get()),
				booked.get(), cpu);
	}

	private long overlaps() {
		try (Connection db = DriverManager.getConnection(stack.jdbcUrl("scheduling"), "postgres", "postgres");
				var rows = db.createStatement().executeQuery("""
						SELECT count(*) FROM appointment a JOIN appointment b ON a.id < b.id
						 AND (a.chair_id = b.chair_id OR a.patient_id = b.patient_id)
						 AND tstzrange(a.start_at, a.end_at) && tstzrange(b.start_at, b.end_at)
						 WHERE a.status <> 'cancelled' AND b.status <> 'cancelled'""")) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException e) {
			throw new IllegalStateException("counting overlaps", e);
		}
	}

	/** Proportional set size of every part, with its child processes, at rest. */
	private void footprintAtRest() {
		var sizes = Footprint.measure(stack);
		double total = sizes.values().stream().mapToDouble(Double::doubleValue).sum();
		report.add(Figure.of("memory-rest", "whole suite at rest, proportional memory (" + Footprint.describe(sizes)
				+ ")", "MiB", total, "≤ 2 GiB at rest, each service ≤ 1.5× an empty app of the stack"));
		peakUnderLoad = 0;
	}

	private double peakUnderLoad;

	/** Samples the suite's memory after a saturation step; the highest goes into the report at the end. */
	private void footprintUnderLoad() {
		double total = Footprint.measure(stack).values().stream().mapToDouble(Double::doubleValue).sum();
		if (total > peakUnderLoad) {
			peakUnderLoad = total;
		}
	}

	/** The figures only known at the end: the memory under load. */
	void finish() {
		report.add(Figure.of("memory-load", "whole suite after each saturation step, highest proportional memory",
				"MiB", peakUnderLoad, "≤ 3 GiB under load"));
	}

	private String integrationToken() {
		try {
			var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.tokenUri()))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=clinic-integration"
						+ "&client_secret=clinic-integration-demo-secret&scope=" + encode("system/*.rs")))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 200) {
				throw new IllegalStateException("the integration client got no token: " + answer.body());
			}
			return JSON.readTree(answer.body()).get("access_token").asString();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static HttpRequest bearer(String url, String token) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/fhir+json")
			.GET()
			.build();
	}

	/** Rows written to the gateway's session tables, as PostgreSQL counts them. */
	private long sessionStoreCounters() {
		try (Connection db = DriverManager.getConnection(stack.jdbcUrl("gateway"), "postgres", "postgres");
				var rows = db.createStatement().executeQuery("""
						SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_all_tables
						 WHERE relname IN ('spring_session', 'spring_session_attributes')""")) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException e) {
			throw new IllegalStateException("reading the gateway's database statistics", e);
		}
	}

	/** PostgreSQL backends pass their counts on at the latest 10 s after going idle; the suite rests meanwhile. */
	private static void settleStatistics() {
		sleep(Duration.ofSeconds(11));
	}

	/**
	 * An open-model phase after a warm-up of the same calls, not recorded: the first calls of an endpoint in a run
	 * load its classes and compile its code, a stall the clinic meets once after a start, not at every refresh.
	 */
	private Load.Result measured(String name, HttpClient client, double perSecond, Duration length,
			IntFunction<HttpRequest> request) {
		Load.open("warm-up", client, perSecond, warmUp(), request);
		return report.phase(Load.open(name, client, perSecond, length, request));
	}

	/** 3 s of warm-up, 1 s in the smoke form (whose figures only show that the harness works). */
	private Duration warmUp() {
		return options.smoke() ? Duration.ofSeconds(1) : Duration.ofSeconds(3);
	}

	private String rate() {
		return Figure.format(options.rate(), "/s");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
