"""Server-rendered pages: templating, i18n, CSRF, flash messages, layout and static assets."""
