import streamlit as st
from bokeh.plotting import figure

p = figure(title="simple line example", x_axis_label="x", y_axis_label="y")
p.line([1, 2, 3, 4, 5], [6, 7, 2, 4, 5], legend_label="Trend", line_width=2)
try:
    st.bokeh_chart(p)
except Exception as e:
    # the installed Bokeh's version is in the message; the rest is Streamlit's text
    head, _, tail = str(e).partition(" installed. ")
    st.write(type(e).__name__, "|", head.rsplit(" ", 1)[0], "|", tail.replace("\n", "/"))
st.write("before the uncaught error")
st.bokeh_chart(p, use_container_width=False)
st.write("never shown")
