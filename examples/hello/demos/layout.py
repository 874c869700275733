import streamlit as st

st.title(":material/dashboard: Layout")
st.sidebar.info("`st.sidebar` holds anything, under the page links.", icon=":material/left_panel_open:")

st.subheader("Columns")
for column, (icon, text) in zip(st.columns(3, border=True), [
        (":material/looks_one:", "One"), (":material/looks_two:", "Two"), (":material/looks_3:", "Three")]):
    column.markdown(f"{icon} **{text}**")

st.subheader("Tabs")
first, second = st.tabs(["🐱 Cat", "🐶 Dog"])
first.write("Tabs show one panel at a time. This is the cat's.")
second.write("And this is the dog's.")

st.subheader("Expander and popover")
with st.expander("Expand me", icon=":material/unfold_more:"):
    st.write("Hidden until you open it.")
with st.popover("Open a popover", icon=":material/more_horiz:"):
    st.write("A popover floats over the page.")
    st.checkbox("Popovers hold widgets too")

st.subheader("Containers")
with st.container(border=True):
    st.write("A bordered container groups elements.")
slot = st.empty()
slot.write("`st.empty` is a slot that can be rewritten.")
