from steppewatch.cli import main

main()
