import streamlit as st

st.title(":material/bar_chart: Charts")

# Plain dicts of columns: no pandas needed.
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
sales = {"month": list(range(1, 7)), "ice cream": [12, 18, 30, 45, 62, 80],
         "hot chocolate": [70, 64, 50, 34, 20, 12]}

st.subheader("Line, area and bar")
st.line_chart(sales, x="month", y=["ice cream", "hot chocolate"])
left, right = st.columns(2)
with left:
    st.area_chart(sales, x="month", y=["ice cream", "hot chocolate"], height=220)
with right:
    st.bar_chart({"month": months, "ice cream": sales["ice cream"]}, x="month", y="ice cream",
                 height=220, sort=False)

st.subheader("Scatter")
st.scatter_chart({"temperature": [14, 16, 19, 22, 25, 28, 31], "sales": [9, 14, 22, 31, 44, 57, 70]},
                 x="temperature", y="sales", size=60)

st.subheader("Vega-Lite (the grammar Altair writes)")
st.vega_lite_chart(
    {"flavour": ["Vanilla", "Chocolate", "Strawberry", "Mint"], "votes": [38, 45, 22, 15]},
    {"mark": {"type": "arc", "innerRadius": 50},
     "encoding": {"theta": {"field": "votes", "type": "quantitative"},
                  "color": {"field": "flavour", "type": "nominal"}}},
)

st.subheader("Graphviz")
st.graphviz_chart("""digraph {
    rankdir=LR
    script -> worker -> page
    page -> worker [label="events"]
}""")
