"""The screens: setup, board, results, and the overlays drawn over them."""
