from billdiff.cli import main

main()
