process.stdout.write('podlens\n');
