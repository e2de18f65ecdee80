"""Server-rendered pages: templating, i18n, CSRF, flash messages, layout and static assets.

How to add a page (route pattern, helpers, macros, translations): see ``web/README.md``.
"""
