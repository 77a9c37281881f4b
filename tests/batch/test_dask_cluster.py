"""`extract batch --executor dask` on real `dask scheduler` / `dask worker` processes (loopback, default nanny):
limits, cancellation, lost workers, lost schedulers, shared-storage checks, TLS and progress (issue 16)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import cli_env, default_sigint, run_cli, write_inputs
from dask_cluster import real_cluster

from extract.errors import ExitCode

pytestmark = [pytest.mark.slow]


def manifest_of(out: Path) -> dict:
    runs = sorted((out / ".runs").glob("*.json"))
    assert runs, f"no run manifest in {out}"
    return json.loads(runs[-1].read_text())


def report_of(path: Path) -> dict[str, tuple[str, str | None]]:
    return {f["path"]: (f["status"], f["error_kind"]) for f in json.loads(path.read_text())["files"]}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_limits_hold_on_a_default_dask_worker(tmp_path: Path) -> None:
    """Point 1: a nanny's (daemonic) worker still runs each file in a capped, killable process."""
    write_inputs(tmp_path / "raw", {"a.pdf": "ok Alpha", "hang.pdf": "sleep 60", "bomb.pdf": "alloc 1500"})
    (tmp_path / "extract.toml").write_text("[limits]\nworker_memory_mb = 700\n")
    with real_cluster(tmp_path / "cluster") as cluster:
        done = run_cli(["batch", "raw", "--executor", "dask", "--scheduler", cluster.address, "--timeout", "5",
                        "--report", "report.json", "--quiet"], tmp_path, timeout=120)
    assert done.returncode == ExitCode.partial_failure, done.stderr
    assert report_of(tmp_path / "report.json") == {
        "a.pdf": ("ok", None), "hang.pdf": ("error", "timeout"), "bomb.pdf": ("error", "too_large")}


def test_bad_scheduler_address_is_a_usage_error_and_the_run_is_marked_failed(tmp_path: Path) -> None:
    """Point 4: no traceback; exit 2; the manifest says failed; the report lists every file."""
    write_inputs(tmp_path / "raw", {"a.pdf": "ok Alpha"})
    done = run_cli(["batch", "raw", "--executor", "dask", "--scheduler", "tcp://127.0.0.1:notaport",
                    "--report", "report.json"], tmp_path, timeout=60)
    assert done.returncode == ExitCode.usage, done.stderr
    assert "Traceback" not in done.stderr and "not a dask scheduler address" in done.stderr
    assert manifest_of(tmp_path / "output")["state"] == "failed"
    assert report_of(tmp_path / "report.json") == {"a.pdf": ("error", "config")}


def test_scheduler_not_running_is_a_cluster_error(tmp_path: Path) -> None:
    write_inputs(tmp_path / "raw", {"a.pdf": "ok Alpha", "b.pdf": "ok Beta"})
    done = run_cli(["batch", "raw", "--executor", "dask", "--scheduler", f"tcp://127.0.0.1:{free_port()}",
                    "--connect-timeout", "2", "--report", "report.json"], tmp_path, timeout=60)
    assert done.returncode == ExitCode.cluster, done.stderr
    assert "Traceback" not in done.stderr and "cannot reach the dask scheduler" in done.stderr
    manifest = manifest_of(tmp_path / "output")
    assert manifest["state"] == "failed" and manifest["failure"].startswith("cluster:")
    assert report_of(tmp_path / "report.json") == {"a.pdf": ("error", "cluster"), "b.pdf": ("error", "cluster")}


def test_scheduler_lost_during_the_run(tmp_path: Path) -> None:
    write_inputs(tmp_path / "raw", {"a.pdf": "ok Alpha", "b.pdf": "sleep 30"})
    with real_cluster(tmp_path / "cluster") as cluster:
        batch = subprocess.Popen([sys.executable, "-m", "extract", "batch", "raw", "--executor", "dask",
                                  "--scheduler", cluster.address, "--connect-timeout", "2", "--report", "report.json"],
                                 cwd=tmp_path, env=cli_env(), stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (tmp_path / "output" / "a.json").exists():
            time.sleep(0.2)
        time.sleep(1.0)  # a.json is written before its result reaches the client: let it arrive
        os.killpg(cluster.scheduler.pid, signal.SIGKILL)
        _out, err = batch.communicate(timeout=120)
    assert batch.returncode == ExitCode.cluster, err
    assert "Traceback" not in err and "lost the dask scheduler" in err
    assert manifest_of(tmp_path / "output")["state"] == "failed"
    assert report_of(tmp_path / "report.json") == {"a.pdf": ("ok", None), "b.pdf": ("error", "cluster")}


def test_ctrl_c_cancels_the_run_on_the_cluster(tmp_path: Path) -> None:
    """Point 2: after Ctrl-C nothing of the run goes on or writes, and the next batch starts at once."""
    # Long enough that Ctrl-C lands mid-run even when the run's manifest appears late (a cold
    # machine: imports and the first worker start take seconds); with 8 s the run could end first.
    write_inputs(tmp_path / "raw", {"a.pdf": "sleep 30", "b.pdf": "sleep 30"})
    write_inputs(tmp_path / "raw2", {"c.pdf": "ok Gamma"})
    with real_cluster(tmp_path / "cluster") as cluster:
        batch = subprocess.Popen([sys.executable, "-m", "extract", "batch", "raw", "--executor", "dask",
                                  "--scheduler", cluster.address], cwd=tmp_path, env=cli_env(),
                                 stderr=subprocess.PIPE, text=True, preexec_fn=default_sigint)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not list((tmp_path / "output" / ".runs").glob("*.json")):
            time.sleep(0.2)
        time.sleep(3)  # a.pdf is running on the worker by now
        batch.send_signal(signal.SIGINT)
        interrupted_at = time.monotonic()
        _out, err = batch.communicate(timeout=60)
        assert batch.returncode == ExitCode.interrupted, err
        assert manifest_of(tmp_path / "output")["state"] == "interrupted"
        # The worker's only thread is free again: the next batch does not queue behind a.pdf and b.pdf.
        second = run_cli(["batch", "raw2", "--out", "out2", "--executor", "dask", "--scheduler", cluster.address,
                          "--quiet"], tmp_path, timeout=120)
        assert second.returncode == ExitCode.ok, second.stderr
        # a.pdf started before the Ctrl-C: uncancelled, it would write its output within 30 s of it.
        time.sleep(max(0.0, interrupted_at + 32 - time.monotonic()))
    assert not list((tmp_path / "output").glob("*.json")) and not list((tmp_path / "output").glob("*.tmp"))


def test_a_lost_worker_never_redoes_a_finished_file(tmp_path: Path) -> None:
    """Point 3: results are taken and released as they come; only the file running on the lost worker reruns."""
    files = {f"{name}.pdf": f"ok {name}" for name in "abcdefgh"}
    files["m.pdf"] = "killparent 3"
    write_inputs(tmp_path / "raw", files)
    log = tmp_path / "calls.log"
    with real_cluster(tmp_path / "cluster", 2, env={"EXTRACT_FAKE_LOG": str(log)}) as cluster:
        done = subprocess.run([sys.executable, "-m", "extract", "batch", "raw", "--executor", "dask",
                               "--scheduler", cluster.address, "--report", "report.json", "--quiet"],
                              cwd=tmp_path, env={**cli_env(), "EXTRACT_FAKE_LOG": str(log)},
                              capture_output=True, text=True, timeout=180)
    assert done.returncode == ExitCode.ok, done.stderr
    calls = [line.split()[0] for line in log.read_text().splitlines()]
    assert sorted(calls) == sorted([*files, "m.pdf"]), calls  # m.pdf twice (its worker was killed), the rest once
    assert all(status == "ok" for status, _kind in report_of(tmp_path / "report.json").values())


def test_workers_that_cannot_see_the_output_folder_are_refused(tmp_path: Path) -> None:
    """Point 6: a worker whose OUT is another folder at the same path (here: a private tmpfs) stops the run."""
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-rm", "true"]).returncode != 0:
        pytest.skip("needs unprivileged mount namespaces (unshare -rm)")
    write_inputs(tmp_path / "raw", {"a.pdf": "ok Alpha"})
    out = tmp_path / "output"
    out.mkdir()
    with real_cluster(tmp_path / "cluster", 0) as cluster:
        from dask_cluster import DASK

        cluster.add_worker(prefix=("unshare", "-rm", "sh", "-c", f"mount -t tmpfs none {out} && exec \"$0\" \"$@\""))
        cluster.wait_for_workers(1)
        done = run_cli(["batch", "raw", "--executor", "dask", "--scheduler", cluster.address,
                        "--report", "report.json"], tmp_path, timeout=120)
        assert DASK
    assert done.returncode == ExitCode.cluster, done.stderr
    assert f"does not see the folder {out}" in done.stderr
    assert manifest_of(out)["state"] == "failed"
    assert not (out / "a.json").exists()


def test_workers_with_other_code_are_refused(tmp_path: Path) -> None:
    """Point 6: the same version number with other code on a worker stops the run before any file."""
    import extract

    src = tmp_path / "other-src"
    shutil.copytree(Path(extract.__file__).parent, src / "extract", ignore=shutil.ignore_patterns("__pycache__"))
    (src / "extract" / "normalize" / "__init__.py").open("a").write("# changed on this worker\n")
    write_inputs(tmp_path / "raw", {"a.pdf": "ok Alpha"})
    pythonpath = os.pathsep.join([str(src), cli_env()["PYTHONPATH"]])
    with real_cluster(tmp_path / "cluster", env={"PYTHONPATH": pythonpath}) as cluster:
        done = run_cli(["batch", "raw", "--executor", "dask", "--scheduler", cluster.address], tmp_path, timeout=120)
    assert done.returncode == ExitCode.cluster, done.stderr
    assert "extract code (same version, other files)" in done.stderr


def test_one_long_document_uses_every_dask_worker(tmp_path: Path) -> None:
    """Point 5: the pages of a lone document run on both workers (two extract processes), not on one."""
    write_inputs(tmp_path / "raw", {"scan.pdf": "pages 8 0.5"})
    with real_cluster(tmp_path / "cluster", 2) as cluster:
        done = run_cli(["batch", "raw", "--executor", "dask", "--scheduler", cluster.address, "--quiet"],
                       tmp_path, timeout=120)
    assert done.returncode == ExitCode.ok, done.stderr
    name = json.loads((tmp_path / "output" / "scan.json").read_text())["records"][0]["name"]
    assert len(name.split()) == 3, name  # "pids A B"


def test_pages_progress_arrives_while_a_document_runs(tmp_path: Path) -> None:
    """Point 8: pages of a document on a dask worker are counted before the document ends."""
    from extract.batch.dask_client import DaskExecutor
    from extract.batch.tasks import Done, Task, WorkerConfig
    from extract.settings import Settings

    config = WorkerConfig(settings_json=Settings().model_dump_json(), handler="batch_fakes:slow_map_handler",
                          warm_up=False)
    events: list[str] = []
    with real_cluster(tmp_path / "cluster") as cluster:
        executor = DaskExecutor(1, config, cluster.address, check=False)
        try:
            for _task, result in executor.run([Task(1, {"n": 6, "seconds": 0.5}, 60)],
                                              lambda task_id: events.append(f"page of {task_id}")):
                events.append("ok" if isinstance(result, Done) and result.value["records"] == 0 else str(result))
        finally:
            executor.close()
    assert events.count("page of 1") == 6 and events[-1] == "ok"
    assert events.index("ok") > events.index("page of 1")  # the first pages came while the document ran


def test_dashboard_link_only_when_the_scheduler_serves_one() -> None:
    from extract.batch.dask_client import dashboard_link

    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        port = listening.getsockname()[1]

        class FakeClient:
            dashboard_link = f"http://127.0.0.1:{port}/status"

            class scheduler:  # the attribute of dask's Client
                address = "tcp://127.0.0.1:8786"

            def __init__(self, services: dict) -> None:
                self.services = services

            def scheduler_info(self) -> dict:
                return {"services": self.services}

        assert dashboard_link(FakeClient({"dashboard": port})) == f"http://127.0.0.1:{port}/status"
        assert dashboard_link(FakeClient({})) is None
    assert dashboard_link(FakeClient({"dashboard": port})) is None  # named, but nothing answers


def self_signed(folder: Path) -> list[str]:
    """A throw-away certificate for 127.0.0.1 that is its own CA (the --tls-* options of dask's CLI)."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "extract-test")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))
    return ["--tls-ca-file", str(folder / "cert.pem"), "--tls-cert", str(folder / "cert.pem"),
            "--tls-key", str(folder / "key.pem")]


def test_tls_cluster(tmp_path: Path) -> None:
    """Point 7: a TLS-only scheduler runs the batch for a client with the certificates, and refuses one without."""
    pytest.importorskip("cryptography")
    tls = self_signed(tmp_path / "tls")
    write_inputs(tmp_path / "raw", {"a.pdf": "ok Alpha"})
    with real_cluster(tmp_path / "cluster", tls=tls) as cluster:
        assert cluster.address.startswith("tls://")
        without = run_cli(["batch", "raw", "--out", "out-plain", "--executor", "dask", "--scheduler", cluster.address,
                           "--connect-timeout", "3"], tmp_path, timeout=60)
        plain = run_cli(["batch", "raw", "--out", "out-tcp", "--executor", "dask", "--connect-timeout", "3",
                         "--scheduler", cluster.address.replace("tls://", "tcp://")], tmp_path, timeout=60)
        done = run_cli(["batch", "raw", "--executor", "dask", "--scheduler", cluster.address, *tls, "--quiet"],
                       tmp_path, timeout=120)
    assert without.returncode == ExitCode.usage and "--tls-ca-file" in without.stderr, without.stderr
    assert plain.returncode == ExitCode.cluster, plain.stderr
    assert done.returncode == ExitCode.ok, done.stderr
    assert (tmp_path / "output" / "a.json").exists()


def test_our_own_local_cluster_listens_with_tls(tmp_path: Path) -> None:
    """Point 7: the LocalCluster a batch starts for itself does not run code for other local processes."""
    pytest.importorskip("cryptography")
    from extract.batch.dask_client import DaskExecutor
    from extract.batch.tasks import WorkerConfig
    from extract.settings import Settings

    config = WorkerConfig(settings_json=Settings().model_dump_json(), handler="batch_fakes:map_handler", warm_up=False)
    executor = DaskExecutor(1, config, processes=False)
    try:
        address = executor.cluster.scheduler_address
        assert address.startswith("tls://")
        from distributed import Client

        with pytest.raises(OSError):
            Client(address.replace("tls://", "tcp://"), timeout=2)
    finally:
        executor.close()


def test_a_client_without_tesseract_needs_only_agreeing_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Point 6: the client may be a thin machine; the workers must still run one Tesseract version."""
    from extract.batch import dask_checks
    from extract.errors import ClusterError

    monkeypatch.setattr(dask_checks, "_plan", lambda tasks, languages: ({}, []))
    env = {**dask_checks.environment([]), "tesseract": None}
    monkeypatch.setattr(dask_checks, "environment", lambda languages: dict(env))

    class FakeClient:
        def __init__(self, versions: list[str]) -> None:
            self.versions = versions

        def run(self, probe, plan, on_error):
            return {f"tcp://w{i}": {"environment": {**env, "tesseract": v}, "problems": []}
                    for i, v in enumerate(self.versions)}

    assert dask_checks.check_cluster(FakeClient(["5.3.0", "5.3.0"]), [], []) == 2
    with pytest.raises(ClusterError, match=r"Tesseract version '4\.1\.1'"):
        dask_checks.check_cluster(FakeClient(["5.3.0", "5.3.0", "4.1.1"]), [], [])
