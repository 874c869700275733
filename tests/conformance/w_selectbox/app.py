import streamlit as st

colour = st.selectbox("Favourite colour", ["Red", "Green", "Blue"], index=1)
st.write(f"colour: {colour!r}")
if "changes" not in st.session_state:
    st.session_state.changes = 0


def changed():
    st.session_state.changes += 1


size = st.selectbox("Shirt size", [1, 2, 3], index=None, format_func=lambda n: "size " + str(n),
                    placeholder="Pick a size", key="size", on_change=changed)
st.write(f"size: {size!r} / state: {st.session_state.size!r} / changes: {st.session_state.changes}")
