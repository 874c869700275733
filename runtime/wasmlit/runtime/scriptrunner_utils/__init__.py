"""`streamlit.runtime.scriptrunner_utils`: the script run context and the run-control
exceptions, as 1.50 lays them out (its `scriptrunner` re-exports them)."""
