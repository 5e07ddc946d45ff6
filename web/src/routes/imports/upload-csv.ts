// Uploads a CSV as the raw request body (the API streams it to disk, any size). XMLHttpRequest rather
// than fetch because only XHR reports upload progress.
import { csrfHeaders, type Import } from '../../api/client.ts';
import { ApiError } from '../../api/problem.ts';
import { toQueryString } from '../../lib/query-string.ts';

export function uploadCsv(file: File, objectType: Import['objectType'], onProgress: (fraction: number) => void): Promise<Import> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/imports?${toQueryString({ objectType, fileName: file.name })}`);
    xhr.setRequestHeader('content-type', 'text/csv');
    for (const [k, v] of Object.entries(csrfHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = xhr.responseText;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as Import);
      else reject(ApiError.from(xhr.status, body as never));
    };
    xhr.onerror = () => reject(new TypeError('Network error during upload'));
    xhr.send(file);
  });
}
