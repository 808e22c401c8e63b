"""The Dockerfile, docker-compose.yml and deploy/k8s/ agree with the code: every variable
they set is one bot/config.py (or Rasa's endpoints file) reads, every port is the default
in bot/config.py, every command exists, every probe hits a real readiness route.
Docker cannot run here, so the files are parsed."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "deploy" / "k8s"
# Set for tools, not read by our code: Python, SQLAlchemy/TensorFlow chatter, Sanic's own.
TOOL_VARS = {
    "PATH",
    "PYTHONUNBUFFERED",
    "SQLALCHEMY_SILENCE_UBER_WARNING",
    "TF_CPP_MIN_LOG_LEVEL",
    "SANIC_PROXIES_COUNT",
    "PIP_NO_CACHE_DIR",
    "PIP_DISABLE_PIP_VERSION_CHECK",
}


def config_vars() -> set[str]:
    source = (ROOT / "bot" / "config.py").read_text()
    return set(re.findall(r'(?:os\.environ\.get|_int|_list|_float)\(\s*"([A-Z0-9_]+)"', source))


def endpoint_vars() -> set[str]:
    return set(
        re.findall(
            r"\$\{([A-Z0-9_]+)\}", (ROOT / "deploy" / "endpoints.production.yml").read_text()
        )
    )


def haproxy_vars() -> set[str]:
    return set(
        re.findall(r"\$\{([A-Z0-9_]+)\}", (ROOT / "deploy" / "haproxy.docker.cfg").read_text())
    )


def compose() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def k8s_docs() -> list[dict[str, Any]]:
    docs = []
    for path in sorted(K8S.glob("*.yaml")):
        docs += [d for d in yaml.safe_load_all(path.read_text()) if d]
    return docs


def k8s_containers() -> dict[str, dict[str, Any]]:
    found = {}
    for doc in k8s_docs():
        if doc["kind"] in ("Deployment", "Job"):
            for c in doc["spec"]["template"]["spec"]["containers"]:
                found[f"{doc['kind']}/{doc['metadata']['name']}"] = c
    return found


@pytest.fixture()
def defaults(monkeypatch: pytest.MonkeyPatch) -> Any:
    import os

    from bot.config import Settings

    for name in config_vars():
        if name in os.environ:
            monkeypatch.delenv(name)
    return Settings()


def test_config_reads_every_variable_this_checks() -> None:
    names = config_vars()
    assert {
        "DATABASE_URL",
        "SECRET_KEY",
        "REDIS_HOST",
        "REDIS_PASSWORD",
        "RASA_PORT",
        "ACTION_PORT",
        "WEB_PORT",
        "PUBLIC_PORT",
        "ACTIONS_BALANCER_PORT",
    } <= names


def test_app_containers_set_only_variables_the_code_reads() -> None:
    allowed = config_vars() | endpoint_vars() | TOOL_VARS
    services = compose()["services"]
    for name, service in services.items():
        env = set((service.get("environment") or {}).keys())
        if service.get("image", "").startswith("bucks-lis"):
            assert env <= allowed, (name, env - allowed)
            assert {"DATABASE_URL", "REDIS_HOST", "ACTION_SERVER_URL"} <= env, name
        elif name == "haproxy":
            assert env == haproxy_vars()
    configmap = next(d for d in k8s_docs() if d["kind"] == "ConfigMap")
    assert set(configmap["data"]) <= allowed, set(configmap["data"]) - allowed
    secret_keys = set(re.findall(r"--from-literal=([A-Z_]+)=", (K8S / "README.md").read_text()))
    assert secret_keys == {"SECRET_KEY", "DATABASE_URL", "REDIS_PASSWORD"}
    assert secret_keys <= allowed
    for key, container in k8s_containers().items():
        env = {e["name"] for e in container.get("env", [])}
        if container["image"].startswith("bucks-lis"):
            assert env <= allowed, (key, env - allowed)
            refs = {
                r.get("configMapRef", r.get("secretRef", {})).get("name")
                for r in container.get("envFrom", [])
            }
            assert refs == {"bucks-lis"}, key
        elif container["name"] == "haproxy":
            assert env == haproxy_vars()
    dockerfile_env = set(re.findall(r"\b([A-Z][A-Z0-9_]+)=", _final_stage()))
    assert dockerfile_env <= allowed, dockerfile_env - allowed


def _final_stage() -> str:
    return (ROOT / "Dockerfile").read_text().split("\nFROM ")[-1]


def _command(cmd: list[str]) -> None:
    """The command exists in this code base, with files and ports it names."""
    if cmd[:2] == ["python", "-m"]:
        assert importlib.util.find_spec(cmd[2]) is not None, cmd
    elif cmd[0] == "bucks-lis":
        from bot.cli import main

        group = main
        for word in cmd[1:]:
            group = group.commands[word] if hasattr(group, "commands") else group
        assert group.name == cmd[-1], cmd
    elif cmd[:2] == ["rasa", "run"]:
        from bot.stack import RASA_MODEL

        args = dict(zip(cmd[2::2], cmd[3::2], strict=True))
        assert (ROOT / args["--endpoints"]).exists() and (ROOT / args["--credentials"]).exists()
        assert ROOT / args["--model"] == RASA_MODEL
    else:
        raise AssertionError(f"unknown command {cmd}")


def _port_arg(cmd: list[str]) -> int | None:
    return int(cmd[cmd.index("--port") + 1]) if "--port" in cmd else None


def test_commands_exist_and_use_the_default_ports(defaults: Any) -> None:
    ports = {"rasa": defaults.rasa_port, "actions": defaults.action_port}
    services = compose()["services"]
    for name, service in services.items():
        if service.get("image", "").startswith("bucks-lis"):
            _command(service["command"])
            if name in ports:
                assert _port_arg(service["command"]) == ports[name]
    for key, container in k8s_containers().items():
        if container["image"].startswith("bucks-lis"):
            _command(container["command"])
            name = key.split("/")[1]
            if name in ports:
                assert _port_arg(container["command"]) == ports[name]
                assert container["ports"][0]["containerPort"] == ports[name]
    web = k8s_containers()["Deployment/web"]
    assert web["ports"][0]["containerPort"] == defaults.web_port
    haproxy = k8s_containers()["Deployment/haproxy"]
    assert {p["containerPort"] for p in haproxy["ports"]} == {
        defaults.public_port,
        defaults.actions_balancer_port,
    }
    assert services["haproxy"]["ports"] == [f"{defaults.public_port}:{defaults.public_port}"]
    assert (
        f"http://haproxy:{defaults.actions_balancer_port}/webhook"
        == (services["rasa"]["environment"]["ACTION_SERVER_URL"])
    )
    exposed = {int(p) for p in re.findall(r"^EXPOSE (.+)$", _final_stage(), re.M)[0].split()}
    assert exposed == {defaults.rasa_port, defaults.action_port, defaults.web_port}
    cfg = (ROOT / "deploy" / "haproxy.docker.cfg").read_text()
    assert f"bind :{defaults.public_port}" in cfg
    assert f"bind :{defaults.actions_balancer_port}" in cfg
    assert f":{defaults.rasa_port} check" in cfg and f":{defaults.action_port} check" in cfg


def _routes() -> dict[str, set[str]]:
    """Real GET routes of each part."""
    from bot.production.action_server import create_app as actions_app
    from bot.production.health import TaggerWarmup
    from bot.production.rasa_ready import ReadinessInput
    from bot.web.app import create_app as web_app

    credentials = yaml.safe_load((ROOT / "credentials.yml").read_text())
    assert "bot.production.rasa_ready.ReadinessInput" in credentials
    rasa = {"/", f"/webhooks/{ReadinessInput.name()}/"}
    actions = {"/" + r.path.lstrip("/") for r in actions_app(TaggerWarmup()).router.routes}
    web = {r.rule for r in web_app({"TESTING": True}).url_map.iter_rules()}
    return {"rasa": rasa, "actions": actions, "web": web}


def test_probes_hit_real_readiness_routes(database_url: str) -> None:
    routes = _routes()
    for key, container in k8s_containers().items():
        name = key.split("/")[1]
        if name not in routes:
            continue
        probes = {k: v for k, v in container.items() if k.endswith("Probe")}
        assert "readinessProbe" in probes and "livenessProbe" in probes, key
        for probe in probes.values():
            assert probe["httpGet"]["path"] in routes[name], (key, probe)
        assert probes["readinessProbe"]["httpGet"]["path"] in {
            "/webhooks/ready/",
            "/ready",
            "/readyz",
        }
    for name, service in compose()["services"].items():
        if name in routes:
            url = re.search(
                r"http://127\.0\.0\.1:\d+(/[^']*)", " ".join(service["healthcheck"]["test"])
            ).group(1)
            assert url in routes[name] and "ready" in url, (name, url)
    # Both balancer configs check the same readiness routes.
    j2 = (ROOT / "deploy" / "haproxy.cfg.j2").read_text()
    docker = (ROOT / "deploy" / "haproxy.docker.cfg").read_text()
    checks = set(re.findall(r"httpchk GET (\S+)", j2))
    assert (
        checks
        == set(re.findall(r"httpchk GET (\S+)", docker))
        == {"/webhooks/ready/", "/ready", "/readyz"}
    )


def test_image_is_multi_stage_non_root_and_trains_at_build() -> None:
    text = (ROOT / "Dockerfile").read_text()
    stages = re.findall(r"^FROM ", text, re.M)
    assert len(stages) >= 2
    build = text.split("\nFROM ")[1]
    assert "rasa train" in build and "bucks-lis train-tagger" in build
    final = _final_stage()
    user = re.findall(r"^USER (\S+)", final, re.M)
    assert user and user[-1] not in ("root", "0")
    for key, doc in (
        (d["metadata"]["name"], d) for d in k8s_docs() if d["kind"] in ("Deployment", "Job")
    ):
        spec = doc["spec"]["template"]["spec"]
        if spec["containers"][0]["image"].startswith("bucks-lis"):
            assert spec["securityContext"]["runAsNonRoot"] is True, key


def test_autoscaling_and_disruption_budgets_cover_the_replicated_parts() -> None:
    docs = k8s_docs()
    deployments = {d["metadata"]["name"] for d in docs if d["kind"] == "Deployment"}
    hpa = {
        d["spec"]["scaleTargetRef"]["name"] for d in docs if d["kind"] == "HorizontalPodAutoscaler"
    }
    pdb = {
        d["spec"]["selector"]["matchLabels"]["app"]
        for d in docs
        if d["kind"] == "PodDisruptionBudget"
    }
    assert {"rasa", "actions"} <= hpa <= deployments
    assert {"rasa", "actions", "web", "haproxy"} <= pdb
