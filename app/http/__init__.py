"""The layers every request passes, in the order app.main.request_chain lists them."""
