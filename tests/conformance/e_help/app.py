import streamlit as st
from dataclasses import dataclass


def greet(name: str, times: int = 1) -> str:
    """Say hello.

    More text here."""
    return "hi " * times + name


@dataclass
class Point:
    """A point."""
    x: int = 1
    y: int = 2


class Thing:
    """A thing."""
    size = 3

    def grow(self, by):
        """Grow it. Second sentence."""

    @property
    def area(self):
        """The area."""
        return 9


st.help(greet)
st.write(Point())
thing = Thing()
st.help(thing)
