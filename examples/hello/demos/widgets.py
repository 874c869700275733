import datetime

import streamlit as st

st.title(":material/toggle_on: Widgets")

st.subheader("Buttons")
left, middle, right = st.columns(3)
greeted = left.button("Say hello", icon=":material/waving_hand:")
middle.download_button("Download a file", "Hello from wasmlit!\n", file_name="hello.txt",
                       icon=":material/download:")
right.link_button("Streamlit docs", "https://docs.streamlit.io", icon=":material/open_in_new:")
if greeted:
    st.write("Hello there! 👋")

st.subheader("Choices")
flavour = st.selectbox("Flavour", ["Vanilla", "Chocolate", "Strawberry"])
toppings = st.multiselect("Toppings", ["Sprinkles", "Nuts", "Cherry"], default=["Cherry"])
size = st.radio("Size", ["Small", "Medium", "Large"], index=1, horizontal=True)
cone = st.toggle("In a cone", value=True)
cream = st.checkbox("Extra cream")
st.pills("Mood", ["😀 Happy", "😐 Fine", "😴 Sleepy"], key="mood")
st.segmented_control("Serve", ["Here", "To go"], default="Here", key="serve")
st.feedback("stars", key="stars")

st.subheader("Numbers and text")
scoops = st.slider("Scoops", 1, 5, 2)
st.select_slider("Sweetness", ["low", "medium", "high"], value="medium")
price = st.number_input("Price per scoop", 0.0, 10.0, 2.5, step=0.5)
name = st.text_input("Your name", "Ada")
st.text_area("Notes", placeholder="Anything we should know?")

st.subheader("Pickers")
day = st.date_input("Pick-up day", datetime.date(2025, 6, 1))
st.time_input("Pick-up time", datetime.time(12, 30))
st.color_picker("Bowl colour", "#FF4B4B")
st.file_uploader("A photo of your ideal ice cream", type=["png", "jpg"])

extras = ", ".join(toppings + (["cream"] if cream else [])) or "nothing on top"
st.success(f"{name} orders {scoops} {size.lower()} scoop(s) of {flavour} "
           f"{'in a cone' if cone else 'in a cup'} with {extras}: {scoops * price:.2f} €, "
           f"{day:%d %B}.", icon=":material/icecream:")
