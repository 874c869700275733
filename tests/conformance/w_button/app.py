import streamlit as st

st.session_state.setdefault("log", [])


def record(what, extra=None):
    st.session_state.log.append(f"cb {what} {extra}")


plain = st.button("Plain", help="Some help")
primary = st.button("Primary one", type="primary", icon="🔥", on_click=record,
                    args=("p",), kwargs={"extra": 2})
tertiary = st.button("Tertiary", type="tertiary", key="tert")
st.button("Disabled", disabled=True)
bold = st.button("**Bold** label", use_container_width=True)
st.write(f"plain: {plain}, primary: {primary}, tertiary: {tertiary}, "
         f"state: {st.session_state.tert}, bold: {bold}")
st.write("log: " + ", ".join(st.session_state.log))
