import streamlit as st

st.title(":material/edit_note: Forms & dialogs")

st.subheader("A form")
with st.form("order", border=True):
    st.write("A form's widgets send their values together, when it is submitted.")
    dish = st.selectbox("Dish", ["Pizza", "Pasta", "Salad"])
    guests = st.number_input("Guests", min_value=1, max_value=12, value=2)
    submitted = st.form_submit_button("Order", icon=":material/send:")
if submitted:
    st.success(f"Ordered {dish} for {guests}.", icon=":material/check_circle:")

st.subheader("A dialog")
st.session_state.setdefault("signatures", [])


@st.dialog("Sign the guest book")
def guest_book():
    name = st.text_input("Your name")
    if st.button("Sign", type="primary"):
        st.session_state.signatures.append(name.strip() or "Anonymous")
        st.rerun()  # closes the dialog


if st.button("Open the guest book", icon=":material/menu_book:"):
    guest_book()
signed = st.session_state.signatures
st.write(f"Signed by: {', '.join(signed)}" if signed else "Nobody has signed yet.")
