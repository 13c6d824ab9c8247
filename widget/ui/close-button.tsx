/** The ✕ in a surface's corner, named for screen readers ("Close"). */
export function CloseButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" class="close" aria-label={label} onClick={onClick}>
      ✕
    </button>
  );
}
