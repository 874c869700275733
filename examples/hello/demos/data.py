import streamlit as st

st.title(":material/table: Tables & metrics")

first, second, third = st.columns(3)
first.metric("Temperature", "24 °C", "1.5 °C")
second.metric("Wind", "9 km/h", "-8%")
third.metric("Humidity", "64%", "4%", delta_color="inverse")

st.subheader("Dataframe")
cities = {"city": ["Oslo", "Rome", "Lima", "Osaka"], "country": ["Norway", "Italy", "Peru", "Japan"],
          "population (M)": [0.71, 2.75, 10.0, 2.75], "visited": [True, False, True, False]}
st.dataframe(cities, hide_index=True)

st.subheader("Data editor")
tasks = st.data_editor({"task": ["Write the app", "Build the site", "Upload it"],
                        "done": [True, True, False]}, num_rows="dynamic", key="tasks")
done = sum(1 for flag in tasks["done"] if flag)
st.write(f"{done} of {len(tasks['task'])} tasks done.")

st.subheader("Table and JSON")
st.table({"size": ["Small", "Medium", "Large"], "price": ["2.50 €", "3.50 €", "4.50 €"]})
st.json({"app": "wasmlit hello", "pages": 10, "pandas": None, "tags": ["static", "wasm"]},
        expanded=2)
