#!/usr/bin/env python3
"""Shows that compose/validate.sh bites: it passes on an untouched copy of the repository's compose setup and
fails, with the expected message, on copies broken in one way each. Run through `compose/validate.sh --selftest`.

Each case copies docker-compose.yml, .dockerignore, docs/runtime.md, the topic list, compose/ (with the
Dockerfile) and keycloak/ into a temporary folder, breaks one thing there, and runs that copy's validate.sh on it.
Last line: "selftest: N passed, N failed".
"""
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# the suite's one topic list, which docker-compose.yml mounts into kafka-init
TOPICS = "contracts/src/main/resources/kafka-topics.properties"
# the one Dockerfile every part is built with (compose/ is copied whole)
DOCKERFILE = "compose/Dockerfile"


def compose_edit(change):
    def apply(tmp):
        path = tmp / "docker-compose.yml"
        doc = yaml.safe_load(path.read_text())
        change(doc["services"])
        path.write_text(yaml.safe_dump(doc, sort_keys=False))
    return apply


def text_edit(relative, old, new):
    def apply(tmp):
        path = tmp / relative
        text = path.read_text()
        assert old in text, f"{relative} no longer contains {old!r}: update this case"
        path.write_text(text.replace(old, new))
    return apply


def env(service, key, value=None):
    def change(services):
        if value is None:
            del services[service]["environment"][key]
        else:
            services[service]["environment"][key] = value
    return change


def setitem(service, key, value):
    def change(services):
        services[service][key] = value
    return change


def delitem(service, key):
    def change(services):
        del services[service][key]
    return change


def condition(service, target, value):
    def change(services):
        services[service]["depends_on"][target]["condition"] = value
    return change


# (what is broken, how, a piece of the message validate.sh must print)
CASES = [
    ("healthcheck removed from kafka-1", compose_edit(delitem("kafka-1", "healthcheck")),
     "kafka-1: long-running but has no healthcheck"),
    ("postgres on :latest", compose_edit(setitem("postgres", "image", "postgres:latest")),
     "tag 'latest' moves"),
    ("keycloak image without a tag", compose_edit(setitem("keycloak", "image", "quay.io/keycloak/keycloak")),
     "has no tag"),
    ("postgres on a major-only tag", compose_edit(setitem("postgres", "image", "postgres:17")),
     "is not an exact version"),
    ("image tag from a variable", compose_edit(setitem("postgres", "image", "postgres:${PG_TAG}")),
     "comes from a variable"),
    ("built service without image name", compose_edit(delitem("session-service", "image")),
     "session-service: no image:"),
    ("depends_on as a plain list", compose_edit(setitem("gateway", "depends_on", ["keycloak", "postgres"])),
     "gateway: depends_on is a plain list"),
    ("depends_on service_started", compose_edit(condition("intake-service", "postgres", "service_started")),
     "depends_on postgres with condition service_started, wants service_healthy"),
    ("one-shot awaited as healthy", compose_edit(condition("session-service", "kafka-init", "service_healthy")),
     "wants service_completed_successfully"),
    ("one-shot without restart: \"no\"", compose_edit(delitem("kafka-init", "restart")),
     "kafka-init: no restart: policy"),
    ("JWT_AUDIENCE missing for session-service", compose_edit(env("session-service", "JWT_AUDIENCE")),
     "session-service: environment lacks JWT_AUDIENCE"),
    ("INTAKE_URL missing for the gateway", compose_edit(env("gateway", "INTAKE_URL")),
     "gateway: environment lacks INTAKE_URL"),
    ("GATEWAY_URL missing for Keycloak", compose_edit(env("keycloak", "GATEWAY_URL")),
     "keycloak: environment lacks GATEWAY_URL"),
    ("JWK_SET_URI on localhost", compose_edit(env("intake-service", "JWK_SET_URI",
                                                  "http://localhost:8180/realms/clinic/protocol/openid-connect/certs")),
     "intake-service: JWK_SET_URI=http://localhost:8180"),
    ("issuer not Keycloak's hostname", compose_edit(env("scheduling-service", "ISSUER_URI",
                                                        "http://keycloak:8080/realms/clinic")),
     "scheduling-service: ISSUER_URI=http://keycloak:8080/realms/clinic is not Keycloak's hostname"),
    ("gateway left to OIDC discovery", compose_edit(env("gateway",
                                                        "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_KEYCLOAK_PROVIDER")),
     "gateway: its issuer is localhost"),
    ("postgres published", compose_edit(setitem("postgres", "ports", ["5432:5432"])),
     "postgres: publishes [5432]"),
    ("kafka data not on a named volume", compose_edit(setitem("kafka-2", "volumes", [])),
     "kafka-2: apache/kafka keeps its data on no named volume"),
    ("one Kafka broker", compose_edit(lambda services: [services.pop(n) for n in ("kafka-2", "kafka-3")]),
     "1 Kafka broker(s) (kafka-1); production needs 3"),
    ("min.insync.replicas 1", compose_edit(env("kafka-3", "KAFKA_MIN_INSYNC_REPLICAS", 1)),
     "kafka-3: replication 3 with min.insync.replicas 1"),
    ("offsets topic on one broker", compose_edit(env("kafka-1", "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", 1)),
     "kafka-1: KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR=1, wants at least 3"),
    ("two brokers with one node id", compose_edit(env("kafka-2", "KAFKA_NODE_ID", 1)),
     "brokers share a KAFKA_NODE_ID"),
    ("kafka-init creates topics with replication 1", compose_edit(env("kafka-init", "KAFKA_TOPIC_REPLICATION")),
     "kafka-init: creates topics with replication 1 (default), the brokers' is 3"),
    ("a service knows one broker", compose_edit(env("session-service", "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092")),
     "session-service: KAFKA_BOOTSTRAP_SERVERS=kafka-1:9092 lacks kafka-2, kafka-3"),
    ("producers without acks=all", text_edit("platform/src/main/resources/clinic-platform-defaults.properties",
                                             "spring.kafka.producer.acks=all", "spring.kafka.producer.acks=1"),
     "lacks spring.kafka.producer.acks=all"),
    ("realm file mounted from a wrong path", text_edit("docker-compose.yml", "./keycloak/clinic-realm.json",
                                                      "./keycloak/realm.json"),
     "mounts keycloak/realm.json, which does not exist"),
    ("unknown key (Compose schema)", text_edit("docker-compose.yml", "      start_period: 20s\n",
                                              "      start_period: 20s\n      intervall: 5s\n"),
     "FAIL  docker"),
    ("not YAML", text_edit("docker-compose.yml", "services:\n", "services:\n  broken: [unclosed\n"),
     "FAIL  cannot read the file"),
    ("database missing from the init script", text_edit("compose/postgres-init/01-databases.sql",
                                                        "CREATE DATABASE session;", ""),
     "postgres: no init script creates database session"),
    ("DLT missing from the topic list kafka-init reads", text_edit(TOPICS, "session-service.dlt=1\n", ""),
     "does not create topic session-service.dlt"),
    ("Dockerfile FROM a floating tag", text_edit(DOCKERFILE, "FROM eclipse-temurin:17.0.18_8-jre-noble",
                                                "FROM eclipse-temurin:17-jre"),
     "FROM eclipse-temurin:17-jre tag '17-jre' is not an exact version"),
    ("Dockerfile runs as root", text_edit(DOCKERFILE, "USER 10001:10001", ""),
     "scheduling-service (compose/Dockerfile): runs as root"),
    ("Dockerfile without HEALTHCHECK", text_edit(DOCKERFILE, "HEALTHCHECK ", "# HEALTHCHECK "),
     "session-service (compose/Dockerfile): no HEALTHCHECK"),
    ("Dockerfile copies another module's jar", text_edit(DOCKERFILE, "COPY ${APP}/target/${APP}.jar",
                                                        "COPY intake-service/target/intake-service.jar"),
     "gateway (compose/Dockerfile): does not COPY its module's jar gateway/target/gateway.jar"),
    ("a part built without its APP argument", compose_edit(lambda s: s["gateway"]["build"]["args"].pop("APP")),
     "gateway (compose/Dockerfile): does not COPY its module's jar compose/target/compose.jar"),
    (".dockerignore leaves the jar out", text_edit(".dockerignore", "!gateway/target/gateway.jar\n", ""),
     "COPY gateway/target/gateway.jar is excluded from the build context"),
]


def copy_tree(tmp):
    for name in ["docker-compose.yml", ".dockerignore", "docs/runtime.md", TOPICS,
                 "platform/src/main/resources/clinic-platform-defaults.properties"]:
        (tmp / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, tmp / name)
    shutil.copytree(ROOT / "compose", tmp / "compose", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "keycloak", tmp / "keycloak")


def validate(tmp):
    run = subprocess.run(["bash", str(tmp / "compose" / "validate.sh"), str(tmp / "docker-compose.yml")],
                         capture_output=True, text=True, timeout=120)
    return run.returncode, run.stdout + run.stderr


def check(base, i, what, apply, expected):
    """Runs one case in a folder of its own; returns (passed, what to print)."""
    tmp = Path(base) / f"case{i}"
    copy_tree(tmp)
    apply(tmp)
    code, out = validate(tmp)
    if code != 0 and expected in out:
        return True, f"ok    rejects: {what}"
    return False, (f"FAIL  {what}: exit {code}, expected a message with {expected!r}, got:\n"
                   + "\n".join("        " + line for line in out.splitlines()))


def main():
    passed = failed = 0
    with tempfile.TemporaryDirectory() as base:
        untouched = Path(base) / "untouched"
        copy_tree(untouched)
        code, out = validate(untouched)
        if code == 0:
            passed += 1
            print("ok    untouched copy passes")
        else:
            failed += 1
            print("FAIL  untouched copy does not pass:\n" + out)
        # each case has its own copy: run them side by side (Compose v1 takes a second or two to start)
        with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
            results = list(pool.map(lambda case: check(base, case[0], *case[1]), enumerate(CASES)))
        for ok, message in results:
            passed += ok
            failed += not ok
            print(message)
    print(f"selftest: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
