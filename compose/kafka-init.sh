#!/usr/bin/env bash
# One-shot Kafka setup for docker-compose.yml (service kafka-init), the same as the embedded launcher's
# (contracts KafkaTopics, launcher KafkaAcls; docs/runtime.md "Kafka topics", "Kafka users and ACLs"):
#  - the topics and partition counts: creates what is missing, adds partitions where a topic has fewer than wanted
#    (Kafka cannot take partitions away);
#  - each service's SCRAM-SHA-256 user with its password, and its ACLs: its own topic, the topics it consumes, its
#    dead-letter topic, its consumer groups (prefix: its name); the broker refuses everything else.
# Logs in as the administrator (kafka-admin-config.sh). Prints the result. Safe to run again.
#
#   kafka-init.sh [BOOTSTRAP]        BOOTSTRAP defaults to $KAFKA_BOOTSTRAP_SERVERS, then kafka:9092
#   KAFKA_BIN=/opt/kafka/bin         where kafka-topics.sh lives (the apache/kafka image's place by default)
#   CLINIC_KAFKA_ADMIN_PASSWORD, CLINIC_KAFKA_INTAKE_PASSWORD, CLINIC_KAFKA_SCHEDULING_PASSWORD,
#   CLINIC_KAFKA_SESSION_PASSWORD    the passwords (letters, digits, - and _ only)
set -euo pipefail

bootstrap=${1:-${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}}
bin=${KAFKA_BIN:-/opt/kafka/bin}
topics_sh="$bin/kafka-topics.sh"
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
admin_config=$(bash "$here/kafka-admin-config.sh")
trap 'rm -f "$admin_config"' EXIT
topics_sh() { "$topics_sh" --command-config "$admin_config" "$@"; }

# topic name -> partitions, from the suite's one topic list (contracts/src/main/resources/kafka-topics.properties,
# which docker-compose.yml mounts beside this script; KAFKA_TOPICS_FILE to read another).
topics_file=${KAFKA_TOPICS_FILE:-$here/kafka-topics.properties}
[[ -f "$topics_file" ]] || topics_file="$here/../contracts/src/main/resources/kafka-topics.properties"
declare -A wanted=()
while IFS='=' read -r name partitions; do
  name=${name//[[:space:]]/}
  [[ -z "$name" || "$name" == \#* ]] && continue
  wanted[$name]=${partitions//[[:space:]]/}
done < "$topics_file"
(( ${#wanted[@]} > 0 )) || { echo "no topics in $topics_file" >&2; exit 1; }
# docker-compose.yml sets 3 (three brokers, min.insync.replicas=2 on each, docs/runtime.md "Kafka in production");
# 1 by default, for a single broker.
replication=${KAFKA_TOPIC_REPLICATION:-1}

for topic in "${!wanted[@]}"; do
  topics_sh --bootstrap-server "$bootstrap" --create --if-not-exists \
    --topic "$topic" --partitions "${wanted[$topic]}" --replication-factor "$replication"
done

# One describe for all topics; its summary lines read "Topic: NAME ... PartitionCount: N ...".
described=$(topics_sh --bootstrap-server "$bootstrap" --describe --exclude-internal)
status=0
for topic in "${!wanted[@]}"; do
  have=$(awk -v t="$topic" '$1 == "Topic:" && $2 == t { for (i = 3; i < NF; i++) if ($i == "PartitionCount:") print $(i + 1) }' <<<"$described")
  if [[ -z $have ]]; then
    echo "kafka-init: topic $topic is missing after create" >&2
    status=1
  elif (( have < wanted[$topic] )); then
    echo "kafka-init: $topic has $have partitions, raising to ${wanted[$topic]}"
    topics_sh --bootstrap-server "$bootstrap" --alter --topic "$topic" --partitions "${wanted[$topic]}"
  else
    echo "kafka-init: $topic ready with $have partitions"
  fi
done

# Users and ACLs. A service may publish only to its own topic (so no one but intake can say a patient is CLEARED),
# read only what it consumes; WRITE on a topic is all its idempotent producer needs (Kafka >= 3.0), no transactions.
declare -A publishes=([intake-service]=clinic.intake [scheduling-service]=clinic.scheduling [session-service]=clinic.session)
declare -A consumes=([intake-service]="clinic.session clinic.scheduling" [scheduling-service]="clinic.intake clinic.session"
                     [session-service]="clinic.intake clinic.scheduling")
declare -A password_of=([intake-service]=CLINIC_KAFKA_INTAKE_PASSWORD [scheduling-service]=CLINIC_KAFKA_SCHEDULING_PASSWORD
                        [session-service]=CLINIC_KAFKA_SESSION_PASSWORD)
acls() { "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --command-config "$admin_config" --add "$@" >/dev/null; }
for service in intake-service scheduling-service session-service; do
  var=${password_of[$service]}
  password=${!var:?$var is not set}
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --command-config "$admin_config" --alter \
    --entity-type users --entity-name "$service" --add-config "SCRAM-SHA-256=[iterations=8192,password=$password]" >/dev/null
  principal="User:$service"
  acls --allow-principal "$principal" --operation Write --operation Describe --topic "${publishes[$service]}"
  read_topics=()
  for topic in ${consumes[$service]}; do read_topics+=(--topic "$topic"); done
  acls --allow-principal "$principal" --operation Read --operation Describe "${read_topics[@]}"
  acls --allow-principal "$principal" --operation Write --operation Read --operation Describe --topic "$service.dlt"
  acls --allow-principal "$principal" --operation Read --group "$service" --resource-pattern-type prefixed
  echo "kafka-init: user $service with its ACLs"
done
exit $status
