import { Alert } from '@mantine/core';
import { errorMessage } from '../api.ts';

/** A failed request, in the API's own words. */
export function ErrorAlert({
  error,
  title = 'Something went wrong',
}: {
  error: unknown;
  title?: string;
}) {
  return (
    <Alert color="red" title={title} role="alert" my="sm">
      {errorMessage(error)}
    </Alert>
  );
}
