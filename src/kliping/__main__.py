from kliping.cli import main

main()
