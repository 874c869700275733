import streamlit as st


def home():
    st.write("home content")
    if st.button("Go settings"):
        st.switch_page(settings_page)


def settings():
    st.write("settings content")
    name = st.text_input("Name")
    st.write(f"name: {name!r}")
    if st.button("Go home"):
        st.switch_page(home_page)


def about():
    st.write("about content")


home_page = st.Page(home, title="Home", icon="🏠")
settings_page = st.Page(settings, title="Settings", icon=":material/settings:")
pg = st.navigation({"Main": [home_page, st.Page(about, title="About")], "Admin": [settings_page]})
st.sidebar.write("sidebar text")
st.write(f"page: {pg.title} {pg.url_path!r} {st.session_state.get('runs', 0)}")
st.session_state.runs = st.session_state.get("runs", 0) + 1
pg.run()
