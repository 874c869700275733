"""st.context as in Streamlit 1.50, from what the page sends with its first rerun event."""
from __future__ import annotations

from helpers import App

PAGE = {
    "timezone": "Europe/Paris", "timezone_offset": -60, "locale": "fr-FR",
    "url": "http://127.0.0.1:8000/", "is_embedded": False, "theme": "light",
    "headers": [["Host", "127.0.0.1:8000"], ["User-Agent", "Chromium"],
                ["Cookie", 'a=1; b="quoted"']],
    "cookies": 'a=1; b="quoted"; =novalue; bad key=x',
}

PROBE = '''
import streamlit as st
c = st.context
st.write(f"{c.timezone} {c.timezone_offset} {c.locale} {c.url} {c.is_embedded} {c.ip_address}")
st.write(f"{c.theme.type} {c.theme['type']} {type(c.theme).__name__}")
st.write(f"{c.headers['user-agent']} {c.headers.get_all('HOST')} {sorted(c.headers)}")
st.write(f"{c.cookies.to_dict()} {len(c.cookies)} {'a' in c.cookies}")
'''


def opened(source: str, context: dict | None) -> App:
    app = App(source, run=False)
    app._send({"kind": "rerun", "query": "", "context": context})
    return app


def test_values_the_page_sent():
    app = opened(PROBE, PAGE)
    assert app.texts() == [
        "Europe/Paris -60 fr-FR http://127.0.0.1:8000 False None",
        "light light StreamlitTheme",
        "Chromium ['127.0.0.1:8000'] ['Cookie', 'Host', 'User-Agent']",
        "{'a': '1', 'b': 'quoted'} 2 True",  # as tornado reads that Cookie header
    ]


def test_values_stay_for_later_runs():
    app = opened(PROBE, PAGE)
    app.rerun()
    assert app.texts()[0].startswith("Europe/Paris -60 fr-FR")


def test_without_page_info_values_are_none_and_mappings_empty():
    app = opened(PROBE, None)
    assert app.texts() == ["None None None None None None", "None None StreamlitTheme"]
    assert app.exceptions()[0]["type"] == "KeyError"  # no headers: headers['user-agent']
    app2 = opened('''
import streamlit as st
st.write(f"{dict(st.context.headers)} {dict(st.context.cookies)}")
try:
    st.context.headers["x"]
except KeyError as e:
    st.write(f"missing {e}")
''', None)
    assert app2.texts() == ["{} {}", "missing 'x'"]


def test_embedded_page():
    app = opened('''
import streamlit as st
st.write(f"{st.context.is_embedded}")
''', dict(PAGE, is_embedded=True))
    assert app.texts() == ["True"]
