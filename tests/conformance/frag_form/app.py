import streamlit as st

st.session_state.setdefault("app_runs", 0)
st.session_state.setdefault("frag_runs", 0)
st.session_state.app_runs += 1
st.header("Form inside a fragment")
st.markdown(f"app ran {st.session_state.app_runs}")


@st.fragment
def order():
    st.session_state.frag_runs += 1
    st.markdown(f"fragment ran {st.session_state.frag_runs}")
    with st.form("order_form"):
        item = st.text_input("Item", value="none")
        urgent = st.checkbox("Urgent")
        count = st.number_input("Count", value=1)
        submitted = st.form_submit_button("Place order")
    if submitted:
        st.success(f"ordered {count} x {item} urgent={urgent}")
    st.markdown(f"values seen: item={item} urgent={urgent} count={count}")


order()
st.button("Full rerun")
