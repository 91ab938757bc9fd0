// Integration tests wait on real brokers and databases: consumer groups join, services shut down.
jest.setTimeout(120000);
