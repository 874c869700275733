import streamlit as st

st.title("Text elements")
st.header("A header", divider="blue")
st.subheader("A subheader")
st.caption("A caption with **bold**")
st.markdown("""
| Name | Score |
|------|------:|
| Ada  | 10    |
| Bob  | 7     |

~~gone~~ and [a link](https://example.com)

- [x] done task
- [ ] open task

Colors: :red[red text], :blue-background[blue bg], :rainbow[rainbow], :gray[gray] :smile:

Inline math $a^2 + b^2 = c^2$ here.

$$
\\int_0^1 x\\,dx
$$
""")
st.markdown("```python\ndef f(x):\n    return x + 1\n```")
st.code("import math\nprint(math.pi)", language="python", line_numbers=True)
st.code("plain text", language=None)
st.latex(r"e^{i\pi} + 1 = 0")
st.json({"a": 1, "nested": {"b": [1, 2, 3], "c": None}, "s": "text"}, expanded=True)
st.json([1, 2], expanded=False)
st.divider()
st.badge("New", color="green", icon=":material/star:")
st.badge("Plain")
st.html("<p id='htmlp' style='color: red'>From html</p><script>window.bad = 1</script>")
st.text("fixed width text")
st.write("write of a string", 42)
st.write(3.5)
st.write(["x", "y"])
st.write(ValueError("bad value"))


def gen():
    for word in ["streamed ", "words ", "here"]:
        yield word


out = st.write_stream(gen())
st.write(f"stream returned: {out!r}")
print("printed to stdout")
st.markdown("## Markdown *heading*\n\nJump [to it](#markdown-heading) or `$not math$`")
st.code("x = 1\ny = 2", height=60)
st.markdown("Arrows a -> b <= c -- d, :small[small text], see www.example.com :streamlit:")
