/**
 * A form's submit handler that keeps the browser on the page (no navigation, no reload) and runs `run`
 * instead; what `run` returns (a request on its way) is left to the model, which shows its own problems.
 *
 * @example <form onSubmit={handleSubmit(() => m.save())}>
 */
export function handleSubmit(run: () => unknown): (e: Event) => void {
  return (e) => {
    e.preventDefault();
    void run();
  };
}
