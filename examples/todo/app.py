"""A small todo list: add tasks, tick them off, clear the finished ones."""
import streamlit as st

st.title("Todo")

if "todos" not in st.session_state:
    st.session_state.todos = []      # [{"id": int, "task": str, "done": bool}]
    st.session_state.next_id = 0

with st.form("add", clear_on_submit=True):
    task = st.text_input("New task")
    if st.form_submit_button("Add") and task.strip():
        st.session_state.todos.append(
            {"id": st.session_state.next_id, "task": task.strip(), "done": False})
        st.session_state.next_id += 1

for todo in st.session_state.todos:
    todo["done"] = st.checkbox(todo["task"], value=todo["done"], key=f"todo-{todo['id']}")

done = sum(todo["done"] for todo in st.session_state.todos)
st.caption(f"{done} of {len(st.session_state.todos)} done")

if st.button("Clear done", disabled=done == 0):
    st.session_state.todos = [t for t in st.session_state.todos if not t["done"]]
    st.rerun()
