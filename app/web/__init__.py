"""The browser side: the offline docs page and the explorer, served by the API itself."""
