import streamlit as st

toppings = st.multiselect("Toppings", ["Cheese", "Ham", "Olives", "Peppers"], max_selections=2)
st.write(f"toppings: {toppings!r}")
extras = st.multiselect("Extras", {"salt": 1, "pepper": 2}, format_func=str.upper,
                        placeholder="Add extras", key="extras")
st.write(f"extras: {extras!r} / state: {st.session_state.extras!r}")
