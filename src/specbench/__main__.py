from specbench.cli import app

app(prog_name="specbench")
