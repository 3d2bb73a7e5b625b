"""Uploads: ingested as by the CLI, with size and type checks and safe file names."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from detente.errors import InputError
from detente.web.upload import safe_name


@pytest.mark.parametrize(("given", "saved"), [
    ("../../etc/passwd.txt", "upload_passwd.txt"),
    ("..\\..\\windows\\win.ini.md", "upload_win.ini.md"),
    ("/abs/path/Bericht über Gipfel.HTML", "upload_Bericht_ber_Gipfel.html"),
    ("....txt", "upload_article.txt"),
])
def test_safe_name_keeps_only_a_plain_name(given: str, saved: str) -> None:
    assert safe_name(given) == saved


@pytest.mark.parametrize("given", ["evil.exe", "noext", "../x.sh", ""])
def test_safe_name_rejects_other_types(given: str) -> None:
    with pytest.raises(InputError, match="unsupported file type"):
        safe_name(given)


def test_pasted_text_is_ingested_with_its_title_and_date(mini_client: TestClient) -> None:
    r = mini_client.post("/api/articles", data={
        "text": "Trump rief am Montag Putin an. <script>window.__xss=6</script>",
        "title": 'Gipfel "x"\nevil: yes <img src=x onerror=alert(1)>', "date": "2025-10-21", "lang": "de"})
    assert r.status_code == 201, r.text
    out = r.json()
    assert out["status"] == "added" and len(out["ids"]) == 1 and out["ids"][0].startswith("upload_pasted_")
    art = mini_client.get(f"/api/articles/{out['ids'][0].replace('#', '%23')}").json()
    assert art["title"] == 'Gipfel "x" evil: yes <img src=x onerror=alert(1)>' or art["title"].startswith('Gipfel "x"')
    assert art["date"] == "2025-10-21"
    assert "<script>window.__xss=6</script>" in art["text"]
    again = mini_client.post("/api/articles", data={"text": "Trump rief am Montag Putin an. <script>window.__xss=6</script>",
                                                     "title": 'Gipfel "x"\nevil: yes <img src=x onerror=alert(1)>',
                                                     "date": "2025-10-21", "lang": "de"})
    assert again.json()["status"] == "unchanged"


def test_file_upload_lands_inside_the_upload_folder(mini_client: TestClient, tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = mini_client.post("/api/articles", files={"file": ("../../outside.txt", "Putin droht der Ukraine.".encode())})
    assert r.status_code == 201, r.text
    assert (tmp_path / "uploads" / "upload_outside.txt").is_file()
    assert not (tmp_path.parent / "outside.txt").exists()
    assert r.json()["ids"] == ["upload_outside#1"]


@pytest.mark.parametrize(("files", "data", "message"), [
    ({"file": ("x.exe", b"MZ")}, {}, "x.exe: unsupported file type .exe"),
    ({"file": ("x.txt", b"\x00\x01" * 50)}, {}, "upload_x.txt: binary file"),
    ({"file": ("big.txt", b"word " * 5000)}, {}, "big.txt: larger than the upload limit of 20,000 bytes"),
    ({"file": ("empty.txt", b"  \n")}, {}, "empty.txt: empty upload"),
    ({}, {"text": "  "}, "nothing to add"),
    ({}, {"text": "Text.", "date": "21.10.2025"}, "date '21.10.2025': expected YYYY-MM-DD"),
])
def test_bad_uploads_get_one_clear_error_and_write_nothing(mini_client: TestClient, tmp_path, files, data, message) -> None:  # type: ignore[no-untyped-def]
    r = mini_client.post("/api/articles", files=files or None, data=data)
    assert r.status_code == 400
    assert message in r.json()["detail"]
    assert str(tmp_path) not in r.json()["detail"]
    assert mini_client.get("/api/articles").json() == []
    assert not any((tmp_path / "uploads").glob("*")) if (tmp_path / "uploads").exists() else True
    page = mini_client.post("/upload", files=files or None, data=data)
    assert page.status_code == 400 and message.replace("'", "&#39;") in page.text


def test_cross_site_posts_are_refused(mini_client: TestClient) -> None:
    r = mini_client.post("/api/articles", data={"text": "x y z"}, headers={"origin": "https://evil.example"})
    assert r.status_code == 403
    assert mini_client.get("/api/articles").json() == []


def test_pasted_text_over_the_form_field_limit_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from detente.web.app import Settings, create_app

    client = TestClient(create_app(Settings(db=tmp_path / "x.duckdb")))
    r = client.post("/upload", data={"text": "Wort. " * 250_000})
    assert r.status_code == 400 and "Field exceeded maximum size of 1024KB" in r.text
    assert r.headers["content-type"].startswith("text/html")
    assert client.post("/api/articles", data={"text": "Wort. " * 250_000}).status_code == 400
    assert client.get("/nope").status_code == 404 and "Not Found" in client.get("/nope").text
