"""ASO uploads are read in memory only: the raw file, with its raw case references, never touches a disk.

Django writes an upload larger than FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary file. The import
view replaces the upload handlers with MemoryOnlyUploadHandler before the request body is read,
so the file stays in this process's memory (up to ASO_IMPORT_MAX_BYTES) while it is checked and
its hashed rows staged (importer.check_file), and is gone when the request ends.
"""

import io

from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopUpload


class MemoryOnlyUploadHandler(FileUploadHandler):
    """Keeps an uploaded file in memory whatever its size; a file over `max_bytes` is dropped and flagged."""

    def __init__(self, request=None, max_bytes=None):
        super().__init__(request)
        self.max_bytes = settings.ASO_IMPORT_MAX_BYTES if max_bytes is None else max_bytes
        self.too_large = False

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.file = io.BytesIO()

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.max_bytes:
            self.too_large = True
            self.file.close()  # drop what was read; the parser closes the handler's file again
            # Read and drop the rest of the request body, then answer with a message (no reset connection).
            raise StopUpload(connection_reset=False)
        self.file.write(raw_data)
        return None

    def file_complete(self, file_size):
        if self.too_large:
            return None
        self.file.seek(0)
        return InMemoryUploadedFile(
            file=self.file,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=file_size,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )


def use_memory_only_uploads(request):
    """Install MemoryOnlyUploadHandler on a request whose body has not been read yet; returns it."""
    handler = MemoryOnlyUploadHandler(request)
    request.upload_handlers = [handler]
    return handler
