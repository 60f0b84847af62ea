"""Evaluations: each module has ``main(path, …)`` printing the figures its issue asks for."""
