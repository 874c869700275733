import streamlit as st


def set_brand():
    st.session_state.brand = "#ABCDEF"


st.button("Set brand", on_click=set_brand)
st.button("Rerun")
pick = st.color_picker("Pick", "#00f900", help="Any color")
st.write(f"pick: {pick!r}")
brand = st.color_picker("Brand", "#123", key="brand")
st.write(f"brand: {brand!r} state: {st.session_state.brand!r}")
plain = st.color_picker("Plain")
st.write(f"plain: {plain!r}")
locked = st.color_picker("Locked", "#FF0000", disabled=True, label_visibility="collapsed")
st.write(f"locked: {locked!r}")
for bad in ("red", 12):
    try:
        st.color_picker(f"Bad {bad}", bad)
    except Exception as e:
        st.write(f"{type(e).__name__}: {str(e)!r}")
