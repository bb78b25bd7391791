#!/usr/bin/env python3
"""The rules docker-compose.yml keeps beyond what Compose itself checks. Run it through compose/validate.sh.

    check_compose.py COMPOSE_FILE PROJECT_DIR [--earlier=PASSED,FAILED]

PROJECT_DIR is the repository root: relative paths in the file (build contexts, bind mounts) and
docs/runtime.md are read from there, so a copy of the compose file elsewhere is checked against the real tree.
Prints one line per rule and a last line "compose: N passed, N failed"; exits 1 when a rule fails.
Needs PyYAML only (Debian: python3-yaml; docker-compose depends on it); uses docker-py's .dockerignore
matcher when it is there (Debian: python3-docker, also a docker-compose dependency).
"""
import re
import sys
from pathlib import Path

import yaml

JAVA_SERVICES = ["intake-service", "scheduling-service", "session-service", "gateway"]
# Names docs/runtime.md uses in its "used by" column, and the compose service each means.
READERS = {"intake": "intake-service", "scheduling": "scheduling-service", "session": "session-service",
           "gateway": "gateway", "keycloak": "keycloak"}
# The services' shared settings, where the producers' acks and idempotence are set.
PLATFORM_DEFAULTS = "platform/src/main/resources/clinic-platform-defaults.properties"
FLOATING_TAGS = {"latest", "stable", "edge", "nightly", "main", "master", "lts", "current", "rolling", "dev"}
# Environment values that are meant for the browser, where localhost is right; any other URL a container is
# given is one it calls itself, and localhost inside a container is that container.
BROWSER_FACING = re.compile(r"^(ISSUER_URI|GATEWAY(_2)?_URL|KC_HOSTNAME|.*_AUTHORIZATION_URI)$")
LOCALHOST_URL = re.compile(r"://(localhost|127\.\d+\.\d+\.\d+|\[::1\])[:/]")


class Checker:
    def __init__(self, compose_file: Path, root: Path):
        self.root = root
        self.doc = yaml.safe_load(compose_file.read_text()) or {}
        self.services = self.doc.get("services") or {}
        self.runtime_md = (root / "docs" / "runtime.md").read_text()

    # ---- helpers -------------------------------------------------------------------------------------------

    def one_shot(self, name):
        return str(self.services[name].get("restart", "")).strip() == "no"

    def image_name(self, name):
        """The image without tag or digest: postgres, apache/kafka, quay.io/keycloak/keycloak."""
        ref = str(self.services[name].get("image", "")).split("@")[0]
        head, _, last = ref.rpartition("/")
        return (head + "/" if head else "") + last.split(":")[0]

    def env(self, name):
        env = self.services[name].get("environment") or {}
        if isinstance(env, list):
            env = dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
        return {k: ("" if v is None else str(v)) for k, v in env.items()}

    def bind_mounts(self, name):
        """(host path, container path) of every bind mount; named volumes are skipped."""
        named = set((self.doc.get("volumes") or {}).keys())
        for vol in self.services[name].get("volumes") or []:
            if isinstance(vol, dict):
                if vol.get("type") == "bind":
                    yield self.root / vol["source"], vol.get("target")
                continue
            source, _, rest = vol.partition(":")
            if source.startswith((".", "/", "~")) and source not in named:
                yield self.root / source, rest.split(":")[0]

    def named_volumes(self, name):
        named = set((self.doc.get("volumes") or {}).keys())
        for vol in self.services[name].get("volumes") or []:
            source = vol.get("source") if isinstance(vol, dict) else vol.split(":")[0]
            if source in named:
                yield source

    def mounted_text(self, name):
        text = []
        for host, _ in self.bind_mounts(name):
            files = sorted(p for p in host.rglob("*") if p.is_file()) if host.is_dir() else [host]
            text += [f.read_text(errors="replace") for f in files if f.exists()]
        return "\n".join(text)

    def doc_section(self, heading):
        match = re.search(r"^## " + re.escape(heading) + r".*?$(.*?)(?=^## |\Z)", self.runtime_md, re.M | re.S)
        if not match:
            raise ValueError(f"docs/runtime.md has no section '## {heading}'")
        return match.group(1)

    @staticmethod
    def pin_problem(ref):
        if "$" in ref:
            return "comes from a variable; pin it in the file"
        if "@sha256:" in ref:
            return None
        last = ref.rsplit("/", 1)[-1]
        if ":" not in last:
            return "has no tag, which means :latest"
        tag = last.split(":", 1)[1]
        version = re.split(r"[-_]", tag)[0]
        if version.lower() in FLOATING_TAGS:
            return f"tag '{tag}' moves"
        if not re.fullmatch(r"v?\d+(\.\d+)+", version):
            return f"tag '{tag}' is not an exact version (MAJOR.MINOR[.PATCH][-variant], e.g. 17.6 or 4.1.2)"
        return None

    def dockerfile(self, name):
        build = self.services[name].get("build")
        if isinstance(build, str):
            build = {"context": build}
        context = self.root / build.get("context", ".")
        return context, context / build.get("dockerfile", "Dockerfile")

    # ---- rules: each returns a list of problems ------------------------------------------------------------

    def rule_images_pinned(self):
        """every service names an image with an exact version tag"""
        out = []
        for name, svc in self.services.items():
            ref = svc.get("image")
            if not ref:
                out.append(f"{name}: no image: (built images are named too, e.g. clinic/{name}:0.1.0)")
            elif problem := self.pin_problem(str(ref)):
                out.append(f"{name}: image {ref} {problem}")
        return out

    def rule_dockerfiles(self):
        """each built image: pinned FROM, its own module's jar (build argument APP), non-root USER, HEALTHCHECK,
        context not ignored"""
        out = []
        for name, svc in self.services.items():
            if "build" not in svc:
                continue
            context, path = self.dockerfile(name)
            if not path.is_file():
                out.append(f"{name}: Dockerfile {path.relative_to(self.root)} does not exist")
                continue
            where = f"{name} ({path.relative_to(self.root)})"
            lines = [l.strip() for l in re.sub(r"\\\n", " ", path.read_text()).splitlines()
                     if l.strip() and not l.strip().startswith("#")]
            stages = set()
            for line in lines:
                if m := re.match(r"FROM\s+(?:--\S+\s+)*(\S+)(?:\s+AS\s+(\S+))?", line, re.I):
                    ref = m.group(1)
                    if ref not in stages and ref != "scratch" and (problem := self.pin_problem(ref)):
                        out.append(f"{where}: FROM {ref} {problem}")
                    if m.group(2):
                        stages.add(m.group(2))
            users = [l.split(None, 1)[1] for l in lines if re.match(r"USER\s", l, re.I)]
            if not users or users[-1].split(":")[0] in ("root", "0"):
                out.append(f"{where}: runs as root (no USER, or USER root last)")
            checks = [l for l in lines if re.match(r"HEALTHCHECK\s", l, re.I)]
            if not checks or re.match(r"HEALTHCHECK\s+NONE", checks[-1], re.I):
                out.append(f"{where}: no HEALTHCHECK")
            # one Dockerfile for every part: the part is its build argument APP (else the Dockerfile's folder)
            args = self.build_args(name)
            module = args.get("APP") or path.parent.relative_to(context).as_posix()
            copies = [self.substitute(src, args) for l in lines
                      if re.match(r"(COPY|ADD)\s", l, re.I) and "--from" not in l
                      for src in l.split()[1:-1] if not src.startswith("--")]
            jar = f"{module}/target/{module}.jar"
            if jar not in copies:
                out.append(f"{where}: does not COPY its module's jar {jar}")
            out += [f"{where}: COPY {src} is excluded from the build context by .dockerignore"
                    for src in copies if self.ignored(context, src)]
        return out

    def build_args(self, name):
        build = self.services[name].get("build")
        args = build.get("args", {}) if isinstance(build, dict) else {}
        if isinstance(args, list):
            args = dict(a.split("=", 1) for a in args if "=" in a)
        return {str(k): str(v) for k, v in args.items()}

    @staticmethod
    def substitute(text, args):
        """A Dockerfile word with the service's build arguments put in (${NAME} and $NAME)."""
        return re.sub(r"\$\{(\w+)\}|\$(\w+)", lambda m: args.get(m.group(1) or m.group(2), m.group(0)), text)

    def ignored(self, context, src):
        ignore = context / ".dockerignore"
        if not ignore.is_file():
            return False
        try:
            from docker.utils.build import PatternMatcher
        except ImportError:  # without docker-py the rule still checks everything else
            return False
        patterns = [l.strip() for l in ignore.read_text().splitlines() if l.strip() and not l.startswith("#")]
        return PatternMatcher(patterns).matches(src)

    def rule_restart_declared(self):
        """every service says whether it is long-running (restart policy) or a one-shot (restart: "no")"""
        return [f"{name}: no restart: policy (one-shots say restart: \"no\")"
                for name, svc in self.services.items() if "restart" not in svc]

    def rule_healthchecks(self):
        """every long-running service has a health check"""
        out = []
        for name, svc in self.services.items():
            if self.one_shot(name):
                continue
            check = svc.get("healthcheck")
            test = (check or {}).get("test")
            if not check or check.get("disable") or not test or test in ("NONE", ["NONE"]):
                out.append(f"{name}: long-running but has no healthcheck")
        return out

    def rule_depends_on_conditions(self):
        """every depends_on waits for a condition: service_healthy, or service_completed_successfully for a one-shot"""
        out = []
        for name, svc in self.services.items():
            deps = svc.get("depends_on")
            if deps is None:
                continue
            if isinstance(deps, list):
                out.append(f"{name}: depends_on is a plain list ({', '.join(deps)}); it waits for nothing")
                continue
            for target, spec in deps.items():
                condition = (spec or {}).get("condition")
                if target not in self.services:
                    out.append(f"{name}: depends on {target}, which is not a service")
                    continue
                wanted = "service_completed_successfully" if self.one_shot(target) else "service_healthy"
                if condition != wanted:
                    out.append(f"{name}: depends_on {target} with condition {condition or '(none)'}, wants {wanted}")
        return out

    def rule_environment_covers_runtime_md(self):
        """each service gets every variable docs/runtime.md says it reads"""
        out = []
        table = self.doc_section("Settings every service reads")
        rows = [r for r in table.splitlines() if r.startswith("|") and "`" in r.split("|")[1]]
        if not rows:
            return ["docs/runtime.md: no variables found in 'Settings every service reads'"]
        for row in rows:
            cells = [c.strip() for c in row.strip().strip("|").split("|")]
            variables = re.findall(r"`([A-Z][A-Z0-9_]*)`", cells[0])
            text = cells[1].lower()
            readers = list(JAVA_SERVICES) if "every service" in text else \
                [svc for word, svc in READERS.items() if re.search(r"\b" + word + r"\b", text)]
            if not readers:
                out.append(f"docs/runtime.md: cannot tell which service reads {', '.join(variables)} ('{cells[1]}')")
            for svc in readers:
                if svc not in self.services:
                    out.append(f"{svc}: missing, and docs/runtime.md says it reads {', '.join(variables)}")
                    continue
                env = self.env(svc)
                out += [f"{svc}: environment lacks {v} (docs/runtime.md)" for v in variables if not env.get(v)]
        return out

    def rule_in_network_urls(self):
        """URLs a container calls itself do not name localhost; the issuer matches Keycloak's hostname"""
        out = []
        for name in self.services:
            for key, value in self.env(name).items():
                if LOCALHOST_URL.search(value) and not BROWSER_FACING.match(key):
                    out.append(f"{name}: {key}={value} names localhost, which inside the container is itself")
        hostname = self.env("keycloak").get("KC_HOSTNAME") if "keycloak" in self.services else None
        for name in JAVA_SERVICES:
            if name not in self.services:
                continue
            env = self.env(name)
            issuer = env.get("ISSUER_URI", "")
            if hostname and not issuer.startswith(hostname.rstrip("/") + "/realms/"):
                out.append(f"{name}: ISSUER_URI={issuer} is not Keycloak's hostname {hostname} + /realms/...")
        if "gateway" in self.services and LOCALHOST_URL.search(self.env("gateway").get("ISSUER_URI", "")):
            env = self.env("gateway")
            provider = env.get("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_KEYCLOAK_PROVIDER", "keycloak")
            prefix = f"SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_{provider.upper()}_"
            if env.get(prefix + "ISSUER_URI") or not all(env.get(prefix + k) for k in
                                                        ("AUTHORIZATION_URI", "TOKEN_URI", "JWK_SET_URI")):
                out.append("gateway: its issuer is localhost, so its registration 'keycloak' needs a provider with "
                           "explicit AUTHORIZATION_URI, TOKEN_URI, JWK_SET_URI and no ISSUER_URI (no discovery)")
        return out

    def rule_published_ports(self):
        """only the gateway and Keycloak are published, on their docs/runtime.md ports"""
        wanted = {}
        for row in self.runtime_md.splitlines():
            cells = [c.strip() for c in row.strip().strip("|").split("|")] if row.startswith("|") else []
            if len(cells) > 2 and (m := re.match(r"(\d+)", cells[1])):
                part = cells[0].lower()
                if part.startswith("gateway"):
                    wanted["gateway"] = int(m.group(1))
                elif part.startswith("keycloak"):
                    wanted["keycloak"] = int(m.group(1))
        if set(wanted) != {"gateway", "keycloak"}:
            return ["docs/runtime.md: cannot read the gateway's and Keycloak's ports from its first table"]
        out = []
        for name, svc in self.services.items():
            published = []
            for port in svc.get("ports") or []:
                if isinstance(port, dict):
                    published.append(int(port.get("published", 0)))
                else:
                    parts = str(port).split("/")[0].split(":")
                    published.append(int(parts[-2]) if len(parts) > 1 else 0)
            if name not in wanted and published:
                out.append(f"{name}: publishes {published}; only {', '.join(sorted(wanted))} may")
            elif name in wanted and published != [wanted[name]]:
                out.append(f"{name}: publishes {published or 'nothing'}, wants [{wanted[name]}]")
        return out

    def rule_state_on_named_volumes(self):
        """PostgreSQL and Kafka keep their data on declared named volumes"""
        out = []
        for name in self.services:
            image = self.image_name(name)
            if self.one_shot(name) or image not in ("postgres", "apache/kafka"):
                continue
            if not list(self.named_volumes(name)):
                out.append(f"{name}: {image} keeps its data on no named volume")
        return out

    def rule_bind_mounts_exist(self):
        """every file or folder mounted from the repository exists"""
        return [f"{name}: mounts {host.relative_to(self.root) if host.is_relative_to(self.root) else host}, "
                f"which does not exist" for name in self.services
                for host, _ in self.bind_mounts(name) if not host.exists()]

    def rule_databases_and_topics(self):
        """PostgreSQL's init creates every database, kafka-init every topic docs/runtime.md names"""
        out = []
        databases = re.findall(r"`([a-z_]+)`", re.search(r"^Databases:(.*)$", self.runtime_md, re.M).group(1))
        sql = "\n".join(self.mounted_text(n) for n in self.services if self.image_name(n) == "postgres")
        out += [f"postgres: no init script creates database {db}" for db in databases
                if not re.search(r"CREATE\s+DATABASE\s+\"?" + db + r"\b", sql, re.I)]
        topics = [t for t in re.findall(r"`([^`]+)`", self.doc_section("Kafka topics"))
                  if re.fullmatch(r"[a-z][a-z0-9-]*\.[a-z0-9.-]+", t)]
        init = [n for n in self.services if self.one_shot(n) and self.image_name(n) == "apache/kafka"]
        if not init:
            return out + ["no one-shot apache/kafka service creates the topics"]
        text = "\n".join(self.mounted_text(n) + yaml.safe_dump(self.services[n]) for n in init)
        out += [f"{', '.join(init)}: does not create topic {t}" for t in topics if t not in text]
        return out

    def rule_kafka_durability(self):
        """Kafka keeps every event with one broker down: >= 3 brokers in one quorum, replication > min ISR >= 2,
        kafka-init creates topics with that replication, every client knows every broker, producers acks=all"""
        out = []
        brokers = [n for n in self.services if not self.one_shot(n) and self.image_name(n) == "apache/kafka"]
        if len(brokers) < 3:
            return [f"{len(brokers)} Kafka broker(s) ({', '.join(brokers) or 'none'}); production needs 3"]
        envs = {n: self.env(n) for n in brokers}

        def number(name, key):
            value = envs[name].get(key, "")
            if not value.isdigit():
                out.append(f"{name}: {key} is {value or 'not set'}, wants a number")
                return None
            return int(value)

        replication = None
        for name in brokers:
            rf = number(name, "KAFKA_DEFAULT_REPLICATION_FACTOR")
            isr = number(name, "KAFKA_MIN_INSYNC_REPLICAS")
            for key, least in [("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", 3),
                               ("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", 3),
                               ("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", 2)]:
                value = number(name, key)
                if value is not None and value < least:
                    out.append(f"{name}: {key}={value}, wants at least {least}")
            if rf is not None and isr is not None:
                if isr < 2 or rf <= isr or rf > len(brokers):
                    out.append(f"{name}: replication {rf} with min.insync.replicas {isr}; wants 2 <= min ISR "
                               f"< replication <= {len(brokers)} brokers (one broker down, no write refused or lost)")
                replication = rf
            if envs[name].get("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE", "false").lower() != "false":
                out.append(f"{name}: unclean leader election is on (a lagging replica could lose written events)")
        ids = [envs[n].get("KAFKA_NODE_ID") for n in brokers]
        if len(set(ids)) != len(ids):
            out.append(f"brokers share a KAFKA_NODE_ID: {dict(zip(brokers, ids))}")
        for key in ("CLUSTER_ID", "KAFKA_CONTROLLER_QUORUM_VOTERS"):
            if len({envs[n].get(key) for n in brokers}) != 1:
                out.append(f"brokers differ in {key}")
        voters = envs[brokers[0]].get("KAFKA_CONTROLLER_QUORUM_VOTERS", "")
        for name in brokers:
            if f"{envs[name].get('KAFKA_NODE_ID')}@{name}:" not in voters:
                out.append(f"{name}: not in the controller quorum {voters}")
            if f"://{name}:" not in envs[name].get("KAFKA_ADVERTISED_LISTENERS", ""):
                out.append(f"{name}: advertises {envs[name].get('KAFKA_ADVERTISED_LISTENERS')}, not itself")
        for name in self.services:
            init_replication = self.env(name).get("KAFKA_TOPIC_REPLICATION")
            if self.one_shot(name) and self.image_name(name) == "apache/kafka" and init_replication != str(replication):
                out.append(f"{name}: creates topics with replication {init_replication or '1 (default)'}, "
                           f"the brokers' is {replication}")
            bootstrap = self.env(name).get("KAFKA_BOOTSTRAP_SERVERS")
            if bootstrap is not None:
                missing = [b for b in brokers if f"{b}:" not in bootstrap]
                if missing:
                    out.append(f"{name}: KAFKA_BOOTSTRAP_SERVERS={bootstrap} lacks {', '.join(missing)}")
        defaults = (self.root / PLATFORM_DEFAULTS).read_text()
        for setting in ("spring.kafka.producer.acks=all", "spring.kafka.producer.properties.enable.idempotence=true"):
            if not re.search(r"^" + re.escape(setting) + r"\s*$", defaults, re.M):
                out.append(f"{PLATFORM_DEFAULTS}: lacks {setting}")
        return out

    RULES = ["images_pinned", "restart_declared", "healthchecks", "depends_on_conditions",
             "environment_covers_runtime_md", "in_network_urls", "published_ports", "state_on_named_volumes",
             "bind_mounts_exist", "databases_and_topics", "kafka_durability", "dockerfiles"]

    def run(self, earlier_passed=0, earlier_failed=0):
        rules = [getattr(self, "rule_" + r) for r in self.RULES]
        failed = 0
        for rule in rules:
            try:
                problems = rule()
            except Exception as e:  # a rule that cannot run is a failure, not a pass
                problems = [f"{type(e).__name__}: {e}"]
            title = rule.__doc__.strip()
            print(("ok    " if not problems else "FAIL  ") + title)
            for p in problems:
                print("        " + p)
            failed += bool(problems)
        passed = earlier_passed + len(rules) - failed
        print(f"compose: {passed} passed, {earlier_failed + failed} failed")
        return 1 if failed or earlier_failed else 0


if __name__ == "__main__":
    # --earlier=PASSED,FAILED: checks validate.sh made before (Compose's own), counted into the last line.
    args = [a for a in sys.argv[1:] if not a.startswith("--earlier=")]
    earlier = [a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--earlier=")]
    if len(args) != 2:
        sys.exit(__doc__)
    before = [int(n) for n in earlier[0].split(",")] if earlier else [0, 0]
    try:
        checker = Checker(Path(args[0]), Path(args[1]).resolve())
    except (OSError, yaml.YAMLError) as e:
        print(f"FAIL  cannot read the file: {e}")
        print(f"compose: {before[0]} passed, {before[1] + 1} failed")
        sys.exit(1)
    sys.exit(checker.run(*before))
