import { Button, Stack } from '@mantine/core';
import { PageHeader } from '../components/PageHeader.tsx';
import { AddSourceForm } from '../components/sources/AddSourceForm.tsx';
import { SourceList } from '../components/sources/SourceList.tsx';

export default function SourcesPage() {
  return (
    <>
      <PageHeader
        title="Sources"
        description="The living documents Toombos reads. Every sync that finds a change stores a snapshot of their items."
        actions={
          <Button component="a" href="#add-source" variant="light">
            Add a source
          </Button>
        }
      />
      <Stack gap="xl">
        <SourceList />
        <AddSourceForm />
      </Stack>
    </>
  );
}
