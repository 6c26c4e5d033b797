import pytest

from sitegen.importer.decode import InputError, decode


def test_utf8_with_bom() -> None:
    decoded = decode("\ufeffCafé “quoted”".encode())
    assert decoded.text == "Café “quoted”" and decoded.warning is None


def test_cp1252_curly_quotes_decoded_with_warning() -> None:
    decoded = decode("first line\n“Résumé” ok".encode("cp1252"))
    assert decoded.text == "first line\n“Résumé” ok"
    assert decoded.encoding == "cp1252"
    assert decoded.warning and decoded.warning_line == 2


def test_latin1_bytes_undefined_in_cp1252() -> None:
    decoded = decode(b"caf\xe9 \x81")
    assert decoded.encoding == "latin-1" and decoded.text.startswith("café")


@pytest.mark.parametrize("data", [b"", b"  \n\n ", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR"])
def test_empty_or_binary_refused(data: bytes) -> None:
    with pytest.raises(InputError) as error:
        decode(data)
    assert error.value.hint
