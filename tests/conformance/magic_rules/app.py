"""Magic rules (this docstring is not drawn)."""
import streamlit as st

count = st.session_state.get("count", 0)
"Count is", count
with st.container(border=True):
    "inside a with block"
if count % 2 == 0:
    "even run"
else:
    "odd run"
for i in range(2):
    f"loop {i}"


def show(n):
    """A function's docstring is not drawn."""
    f"function body {n}"
    n * 10


class Box:
    "class body strings are not drawn"

    def draw(self):
        "a method docstring"
        "method body"


@st.fragment
def part():
    if st.button("Fragment click"):
        "fragment clicked"
    f"fragment count {count}"


show(count)
Box().draw()
part()
try:
    "in try"
    {"k": 1}["missing"]
except KeyError as e:
    f"caught {e}"
if st.button("Add one"):
    st.session_state.count = count + 1
    st.rerun()
len("not drawn: a call")
