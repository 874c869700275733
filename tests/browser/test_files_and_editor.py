"""st.file_uploader, st.camera_input and st.data_editor in Chromium: real uploads (file
input, drag and drop, the keyboard), photos from a fake camera, and edits typed into the
grid, each checked against what the script shows."""
from __future__ import annotations

import re

import pytest

from conftest import CHROMIUM_FLAGS
from sites import build_site, fresh_app, no_run_until, runs_ended, settle

IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"

APP = '''
import time
import streamlit as st

if st.checkbox("Slow runs"):
    time.sleep(1.5)

one = st.file_uploader("Data file", type=["csv", "txt"])
st.markdown("one: " + ("none" if one is None else f"{one.name}|{one.type}|{one.size}|{one.read().decode()}"))
many = st.file_uploader("Many files", accept_multiple_files=True)
st.markdown("many: " + ",".join(f.name for f in many))
folder = st.file_uploader("Folder", accept_multiple_files="directory", type="csv")
st.markdown("folder: " + ",".join(sorted(f"{f.name}={f.getvalue().decode()}" for f in folder)))
with st.form("upload_form"):
    later = st.file_uploader("Form file")
    st.form_submit_button("Send files")
st.markdown("form: " + ("none" if later is None else later.getvalue().decode()))

photo = st.camera_input("Snapshot")
st.markdown("photo: " + ("none" if photo is None else f"{photo.name}|{photo.type}|{photo.size > 0}"))

table = st.data_editor({"name": ["ada", "bob"], "age": [36, 41], "member": [True, False]}, key="people")
st.markdown(f"table: {table!r}")
st.markdown(f"table state: {st.session_state.people!r}")
cities = st.data_editor([{"city": "Oslo"}, {"city": "Rome"}], num_rows="dynamic", key="cities")
st.markdown(f"cities: {cities!r}")
st.markdown(f"cities state: {st.session_state.cities!r}")
'''


@pytest.fixture(scope="module")
def site_url(tmp_path_factory, serve):
    work = tmp_path_factory.mktemp("files")
    app = work / "files_app.py"
    app.write_text(APP)
    site = build_site(app, work / "site")
    return serve(site).url


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("uploads")
    (folder / "data.csv").write_text("a,b\n1,2\n")
    (folder / "notes.txt").write_text("hello")
    (folder / "pic.png").write_bytes(b"\x89PNG")
    (folder / "tree" / "sub").mkdir(parents=True)
    (folder / "tree" / "top.csv").write_text("1")
    (folder / "tree" / "sub" / "deep.csv").write_text("2")
    (folder / "tree" / "skip.txt").write_text("3")
    return folder


@pytest.fixture
def app(site_url, module_page):
    return fresh_app(module_page, site_url)


def line(page, prefix):
    texts = page.get_by_test_id("stMarkdown").all_inner_texts()
    found = [t.strip() for t in texts if t.strip().startswith(prefix)]
    assert found, f"no line starting {prefix!r} in {texts}"
    return found[0]


def uploader(page, label):
    return page.get_by_test_id("stFileUploader").filter(has=page.get_by_label(label, exact=True))


# --- file_uploader -----------------------------------------------------------------------

def test_an_uploaded_file_reaches_the_script_and_is_listed(app, files):
    box = uploader(app, "Data file")
    box.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(files / "data.csv")
    settle(app)
    assert line(app, "one:") == "one: data.csv|text/csv|8|a,b 1,2"  # (Markdown joins the lines)
    row = box.get_by_test_id("stFileUploaderFile")
    assert row.get_by_test_id("stFileUploaderFileName").inner_text() == "data.csv"
    assert "8.0B" in row.inner_text()


def test_a_file_of_the_wrong_type_shows_streamlits_error_and_keeps_the_value(app, files):
    box = uploader(app, "Data file")
    box.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(files / "notes.txt")
    settle(app)
    box.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(files / "pic.png")
    settle(app)
    assert box.get_by_test_id("stFileUploaderFileErrorMessage").inner_text() == "image/png files are not allowed."
    assert box.get_by_test_id("stFileUploaderFileName").all_inner_texts() == ["pic.png", "notes.txt"]
    assert line(app, "one:") == "one: notes.txt|text/plain|5|hello"


def test_the_remove_button_takes_the_file_away(app, files):
    box = uploader(app, "Data file")
    box.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(files / "data.csv")
    settle(app)
    box.get_by_role("button", name="Remove data.csv").click()
    settle(app)
    assert line(app, "one:") == "one: none"
    assert box.get_by_test_id("stFileUploaderFile").count() == 0


def test_multiple_files_add_up_and_one_can_be_removed(app, files):
    box = uploader(app, "Many files")
    box.get_by_test_id("stFileUploaderDropzoneInput").set_input_files([files / "data.csv", files / "notes.txt"])
    settle(app)
    box.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(files / "pic.png")
    settle(app)
    assert line(app, "many:") == "many: data.csv,notes.txt,pic.png"
    # Newest first, as Streamlit lists them.
    assert box.get_by_test_id("stFileUploaderFileName").all_inner_texts() == ["pic.png", "notes.txt", "data.csv"]
    box.get_by_role("button", name="Remove notes.txt").click()
    settle(app)
    assert line(app, "many:") == "many: data.csv,pic.png"


def test_files_picked_during_a_run_all_arrive(app, files):
    # Both picks wait for a slow run to end; their events then merge into one run.
    app.get_by_text("Slow runs", exact=True).click()
    field = uploader(app, "Many files").get_by_test_id("stFileUploaderDropzoneInput")
    field.set_input_files(files / "data.csv")
    # The picks are apart: the second comes once the first is read and handed on (its
    # row shows its size instead of a progress bar).
    uploader(app, "Many files").get_by_test_id("stFileUploaderFile").filter(
        has_text="data.csv").locator(".wl-fu-size").wait_for(timeout=10000)
    field.set_input_files(files / "notes.txt")
    settle(app)  # the slow run, then the one the picks merged into
    assert line(app, "many:") == "many: data.csv,notes.txt"


def test_a_directory_upload_keeps_relative_paths_and_lists_other_types_as_errors(app, files):
    box = uploader(app, "Folder")
    box.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(files / "tree")
    settle(app)
    assert line(app, "folder:") == "folder: tree/sub/deep.csv=2,tree/top.csv=1"
    assert box.get_by_test_id("stFileUploaderFileErrorMessage").all_inner_texts() == \
        ["text/plain files are not allowed."]


def test_more_than_three_files_are_shown_in_pages(app):
    box = uploader(app, "Many files")
    box.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(
        [{"name": f"f{i}.txt", "mimeType": "text/plain", "buffer": b"x"} for i in range(5)])
    settle(app)
    assert box.get_by_test_id("stFileUploaderFileName").all_inner_texts() == ["f4.txt", "f3.txt", "f2.txt"]
    assert "Showing page 1 of 2" in box.get_by_test_id("stFileUploaderPagination").inner_text()
    box.get_by_role("button", name="Next page").click()
    assert box.get_by_test_id("stFileUploaderFileName").all_inner_texts() == ["f1.txt", "f0.txt"]


def test_a_file_dropped_on_the_dropzone_is_uploaded(app):
    zone = uploader(app, "Data file").get_by_test_id("stFileUploaderDropzone")
    transfer = app.evaluate_handle("""() => {
        const dt = new DataTransfer();
        dt.items.add(new File(["x,y"], "dropped.csv", { type: "text/csv" }));
        return dt;
    }""")
    zone.dispatch_event("dragenter", {"dataTransfer": transfer})
    zone.dispatch_event("drop", {"dataTransfer": transfer})
    settle(app)
    assert line(app, "one:") == "one: dropped.csv|text/csv|3|x,y"


def test_the_dropzone_opens_the_file_dialog_from_the_keyboard(app, files):
    zone = uploader(app, "Data file").get_by_test_id("stFileUploaderDropzone")
    with app.expect_file_chooser() as chooser:
        zone.press("Enter")
    chooser.value.set_files(files / "notes.txt")
    settle(app)
    assert line(app, "one:") == "one: notes.txt|text/plain|5|hello"


def test_in_a_form_the_file_arrives_on_submit(app, files):
    box = uploader(app, "Form file")
    before = runs_ended(app)
    box.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(files / "notes.txt")
    settle(app)
    assert line(app, "form:") == "form: none"  # proved below: the submit's run is the only one
    no_run_until(app, app.get_by_role("button", name="Send files").click, since=before)
    assert line(app, "form:") == "form: hello"


# --- camera_input ------------------------------------------------------------------------

def test_without_a_camera_it_asks_for_one_and_cannot_take_a_photo(app):
    camera = app.get_by_test_id("stCameraInput")
    app.get_by_text("This app would like to use your camera.").wait_for(timeout=10000)
    assert camera.get_by_role("link", name="Learn how to allow access.").count() == 1
    assert camera.get_by_role("button", name="Take Photo").is_disabled()
    assert line(app, "photo:") == "photo: none"


def test_a_photo_from_a_fake_camera_is_a_jpeg_and_clear_photo_removes_it(playwright, site_url,
                                                                           browser_type_launch_args):
    args = dict(browser_type_launch_args)
    args["args"] = CHROMIUM_FLAGS + ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]
    browser = playwright.chromium.launch(**args)
    try:
        context = browser.new_context(permissions=["camera"], viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(site_url)
        page.wait_for_selector(IDLE, timeout=60000)
        take = page.get_by_role("button", name="Take Photo")
        page.wait_for_function("() => [...document.querySelectorAll('[data-testid=stCameraInputButton]')]"
                               ".some(b => !b.disabled && b.textContent === 'Take Photo')", timeout=20000)
        page.wait_for_function("() => document.querySelector('video') && document.querySelector('video').videoWidth > 0",
                               timeout=20000)
        take.click()
        page.get_by_role("button", name="Clear photo").wait_for(timeout=20000)
        settle(page)
        assert re.fullmatch(r"photo: camera-input-\d{4}-\d\d-\d\dT\d\d_\d\d_\d\d\.\d{3}Z\.jpg\|image/jpeg\|True",
                            line(page, "photo:"))
        page.get_by_role("button", name="Clear photo").click()
        settle(page)
        assert line(page, "photo:") == "photo: none"
        page.get_by_role("button", name="Take Photo").wait_for(timeout=20000)
    finally:
        browser.close()


# --- data_editor -------------------------------------------------------------------------

def grid(page, n=0):
    return page.get_by_test_id("stDataFrame").nth(n)


def test_a_cell_edited_with_double_click_and_enter_reaches_the_script(app):
    grid(app).get_by_test_id("glide-cell-0-1").dblclick()
    app.keyboard.press("Control+A")
    app.keyboard.type("eve")
    app.keyboard.press("Enter")
    settle(app)
    assert line(app, "table:") == "table: {'name': ['ada', 'eve'], 'age': [36, 41], 'member': [True, False]}"
    assert line(app, "table state:") == \
        "table state: {'edited_rows': {1: {'name': 'eve'}}, 'added_rows': [], 'deleted_rows': []}"
    assert grid(app).get_by_test_id("glide-cell-0-1").inner_text() == "eve"


def test_the_grid_is_driven_from_the_keyboard(app):
    first = grid(app).get_by_test_id("glide-cell-0-0")
    first.click()
    assert first.evaluate("e => e === document.activeElement")
    app.keyboard.press("ArrowRight")
    app.keyboard.type("50")           # typing starts editing
    app.keyboard.press("Escape")      # ... and Escape cancels it
    settle(app)
    assert line(app, "table:") == "table: {'name': ['ada', 'bob'], 'age': [36, 41], 'member': [True, False]}"
    app.keyboard.press("Enter")       # Enter opens the editor
    app.keyboard.press("Control+A")
    app.keyboard.type("37")
    app.keyboard.press("Enter")       # ... commits, and moves down
    settle(app)
    assert line(app, "table:") == "table: {'name': ['ada', 'bob'], 'age': [37, 41], 'member': [True, False]}"
    assert grid(app).get_by_test_id("glide-cell-1-1").evaluate("e => e === document.activeElement")
    app.keyboard.press("ArrowRight")
    app.keyboard.press(" ")           # Space toggles a checkbox
    settle(app)
    assert line(app, "table state:") == \
        "table state: {'edited_rows': {0: {'age': 37}, 1: {'member': True}}, 'added_rows': [], 'deleted_rows': []}"


def test_rows_are_added_and_deleted_in_a_dynamic_editor(app):
    cities = grid(app, 1)
    cities.hover()
    cities.get_by_role("button", name="Add row").click()
    settle(app)
    assert line(app, "cities state:") == \
        "cities state: {'edited_rows': {}, 'added_rows': [{}], 'deleted_rows': []}"
    app.keyboard.type("Bern")         # the new row's first cell has the focus
    app.keyboard.press("Enter")
    settle(app)
    assert line(app, "cities:") == "cities: [{'city': 'Oslo'}, {'city': 'Rome'}, {'city': 'Bern'}]"
    cities.get_by_role("checkbox", name="Select row 1").click()
    app.keyboard.press("Delete")
    settle(app)
    assert line(app, "cities:") == "cities: [{'city': 'Rome'}, {'city': 'Bern'}]"
    assert line(app, "cities state:") == \
        "cities state: {'edited_rows': {}, 'added_rows': [{'city': 'Bern'}], 'deleted_rows': [0]}"
    assert cities.get_by_role("grid").get_attribute("aria-rowcount") == "4"
