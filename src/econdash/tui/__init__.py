"""The terminal interface: the Textual App, its screens and widgets.

Screens and widgets only display and post messages; they read the dashboard's
state through `tui.state.DashboardState`, never through the App class.
"""
