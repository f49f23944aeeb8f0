import logging

logging.basicConfig(level=logging.WARNING)


class Connection(object):
    def __init__(self, peer):
        self.peer = peer
        # one logger per connection, named by id(): the logging manager keeps them all
        self._logger_name = "Connection.{}".format(id(self))
        self.logger = logging.getLogger(self._logger_name)

    def handle(self, data):
        self.logger.debug("got %d bytes from %s", len(data), self.peer)
        return data.upper()


for i in range(5000):
    conn = Connection(("10.0.0.%d" % (i % 255), 5000 + i))
    conn.handle(b"hello world")
    del conn

print(len(logging.Logger.manager.loggerDict), "loggers registered")
