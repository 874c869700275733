"""st.secrets as in Streamlit 1.50: a read-only mapping of secrets.toml with attribute
access, nested sections as AttrDict, to_dict(), environment variables for top-level
scalars, and Streamlit's texts for a missing key, a missing file and a bad file."""
from __future__ import annotations

import os

import pytest

import wasmlit as st
from helpers import App

TOML = '''
api_key = "abc"
retries = 3

[db]
user = "me"
port = 5432

[db.options]
ssl = true
'''

MORE_INFO = ("Did you forget to add it to secrets.toml, mount it to secret directory, or the app "
             "settings on Streamlit Cloud? More info: https://docs.streamlit.io/deploy/"
             "streamlit-community-cloud/deploy-your-app/secrets-management")


@pytest.fixture
def secrets_file():
    st.secrets.load_text(TOML)
    yield
    st.secrets.load_text(None)


def test_mapping_and_attribute_access(secrets_file):
    app = App('''
import streamlit as st
st.write(f"{st.secrets['api_key']} {st.secrets.retries} {st.secrets.db.user} {st.secrets['db']['port']}")
st.write(f"{type(st.secrets.db).__name__} {st.secrets.db.options.ssl} {len(st.secrets)} {sorted(st.secrets)}")
st.write(f"{'db' in st.secrets} {st.secrets.get('nope', 'default')} {st.secrets.has_key('api_key')}")
''')
    assert app.texts() == ["abc 3 me 5432", "AttrDict True 3 ['api_key', 'db', 'retries']",
                           "True default True"]


def test_to_dict_gives_plain_dicts(secrets_file):
    assert st.secrets.to_dict() == {"api_key": "abc", "retries": 3,
                                    "db": {"user": "me", "port": 5432, "options": {"ssl": True}}}
    assert st.secrets.db.to_dict() == {"user": "me", "port": 5432, "options": {"ssl": True}}
    assert repr(st.secrets.db.options) == "{'ssl': True}"


def test_missing_key_and_attribute_texts(secrets_file):
    with pytest.raises(KeyError) as key_error:
        st.secrets["nope"]
    assert key_error.value.args[0] == f'st.secrets has no key "nope". {MORE_INFO}'
    with pytest.raises(AttributeError) as attr_error:
        st.secrets.nope
    assert str(attr_error.value) == f'st.secrets has no attribute "nope". {MORE_INFO}'
    with pytest.raises(KeyError) as nested:
        st.secrets.db["nope"]
    assert nested.value.args[0] == f'st.secrets has no key "nope". {MORE_INFO}'
    with pytest.raises(AttributeError):
        st.secrets.db.nope


def test_secrets_cannot_be_changed(secrets_file):
    with pytest.raises(TypeError, match="Secrets does not support attribute assignment."):
        st.secrets.api_key = "x"
    with pytest.raises(TypeError, match="Secrets does not support item assignment."):
        st.secrets.db["user"] = "x"
    with pytest.raises(TypeError, match="Secrets does not support attribute assignment."):
        st.secrets.db.user = "x"


def test_top_level_scalars_become_environment_variables(secrets_file):
    st.secrets["api_key"]
    assert os.environ["api_key"] == "abc" and os.environ["retries"] == "3"
    assert "db" not in os.environ
    st.secrets.load_text(None)
    assert "api_key" not in os.environ


def test_no_secrets_file_is_streamlits_error_in_the_page():
    app = App('''
import streamlit as st
st.write(f"has: {hasattr(st.secrets, 'api_key')}")
st.secrets["api_key"]
''')
    assert app.texts() == ["has: False"]
    [shown] = app.exceptions()
    assert shown["type"] == "streamlit.errors.StreamlitSecretNotFoundError"
    assert shown["message"] == ("No secrets found. Valid paths for a secrets.toml file or secret "
                                "directories are: .streamlit/secrets.toml, secrets.toml")


def test_a_bad_file_fails_when_read():
    st.secrets.load_text("key = ")
    try:
        with pytest.raises(FileNotFoundError) as error:
            st.secrets["key"]
        assert str(error.value).startswith("Error parsing secrets file at secrets.toml: ")
    finally:
        st.secrets.load_text(None)
