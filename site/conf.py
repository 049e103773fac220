"""Sphinx configuration of the published report (`make site`, mali_caac.site): offline, English or French.

mali_caac.site stages each language's pages and runs `sphinx-build -c site -D language=<lang>`; nothing here
reaches the network: no MathJax (no maths), no web fonts, no analytics, no repository buttons.
"""
# the report's title in the page's language: mali_caac.site passes -D project=... -D html_title=... per language
project = "Grave violations against children in Mali"
author = "the project's contributors"      # -D author=... and copyright=... in the page's language
copyright = "code MIT, data CC BY 4.0"
language = "en"

extensions = ["myst_nb", "sphinx_togglebutton"]
nb_execution_mode = "off"            # the notebooks were executed by `make figures`
nb_merge_streams = True
myst_enable_extensions = ["colon_fence"]
numfig = True
exclude_patterns = ["_data/**", "_figures/**", "**/.ipynb_checkpoints"]
html_theme = "sphinx_book_theme"
html_title = project
html_static_path = ["_static"]
html_css_files = ["mali-caac.css"]
# one search box: the header's (the theme also puts one in the sidebar)
html_sidebars = {"**": ["navbar-logo.html", "sbt-sidebar-nav.html"]}
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False
html_context = {"default_mode": "auto"}  # else the theme logs "invalid theme mode" to the console
html_theme_options = {
    "use_download_button": False,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    "use_edit_page_button": False,
    "use_issues_button": False,
    "launch_buttons": {},
    "navigation_with_keys": False,
    "show_toc_level": 2,
}
html_static_path = ["_static"]
html_css_files = ["tables.css"]  # readable notebook tables (mali_caac.printing)
